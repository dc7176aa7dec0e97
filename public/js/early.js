// Runs before first paint (tiny, render-blocking on purpose): marks that scripts run, so the CSS can
// lay out enhanced widgets from the start instead of shifting them in later.
document.documentElement.classList.add('js');
