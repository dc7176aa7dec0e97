/**
 * EJS reads render options from `settings['view options']` and from locals like `outputFunctionName`;
 * a request value that reached `res.render` could turn into code. Each probe tries one such path.
 * `{marker}` is replaced by a file path that must never be created.
 */
export const EJS_PROBES: [key: string, value: string][] = [
  ['settings[view options][client]', '1'],
  ['settings[view options][escapeFunction]', '1;process.mainModule.require("fs").writeFileSync("{marker}","x");'],
  ['settings[view options][escape]', 'function(){return process.mainModule.require("fs").writeFileSync("{marker}","x")}'],
  ['settings[view options][outputFunctionName]', 'x;process.mainModule.require("child_process").execSync("touch {marker}");s'],
  ['settings[view options][localsName]', 'x=process.mainModule.require("fs").writeFileSync("{marker}","x")'],
  ['settings[view options][destructuredLocals][]', 'x=process.mainModule.require("fs").writeFileSync("{marker}","x")'],
  ['settings[view options][strict]', '1'],
  ['settings[view options][debug]', 'true'],
  ['settings[view options][delimiter]', '?'],
  ['settings[views]', '/etc'],
  ['settings[view engine]', 'html'],
  ['outputFunctionName', 'x;process.mainModule.require("fs").writeFileSync("{marker}","x");s'],
  ['escapeFunction', 'JSON.stringify;process.mainModule.require("fs").writeFileSync("{marker}","x")'],
  ['client', 'true'],
  ['layout', '../../../../etc/passwd'],
  ['cache', 'false'],
  ['filename', '/etc/passwd'],
  ['root', '/'],
  ['_locals[outputFunctionName]', 'x;process.mainModule.require("fs").writeFileSync("{marker}","x");s'],
  ['__proto__[outputFunctionName]', 'x;process.mainModule.require("fs").writeFileSync("{marker}","x");s'],
  ['constructor[prototype][outputFunctionName]', 'x;process.mainModule.require("fs").writeFileSync("{marker}","x");s'],
  ['q', '<%= 7*7 %><%- "<b>raw</b>" %>'],
];

/** One probe as a query string or urlencoded body (the admin forms post these once they exist). */
export function probeQuery(probes: [string, string][], marker: string): string {
  return probes.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replaceAll('{marker}', marker))}`).join('&');
}
