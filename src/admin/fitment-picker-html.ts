import ejs from 'ejs';
import type { VehicleChoiceMake } from '../fitment';

export interface PickerHtml {
  /** `<option>`s of every make, escaped with EJS's own escaper (the same as `<%=`). */
  readonly makes: string;
  /** One `<optgroup>` per make with its models. */
  readonly models: string;
}

const cache = new WeakMap<readonly VehicleChoiceMake[], PickerHtml>();

/**
 * The make and model pickers list every make and ~570 models in every row, so that the form
 * works without JavaScript. Rendered through the template that is ~6 ms a row; the options are
 * the same for every row and every page until the vehicle tables change (only at start-up), so
 * they are built once per vehicle list and the row only marks its choice.
 */
export function pickerHtml(makes: readonly VehicleChoiceMake[]): PickerHtml {
  const hit = cache.get(makes);
  if (hit) return hit;
  const esc = (v: unknown) => ejs.escapeXML(String(v));
  const built: PickerHtml = {
    makes: makes.map((mk) => `<option value="${mk.id}">${esc(mk.name)}</option>`).join(''),
    models: makes
      .map((mk) => `<optgroup label="${esc(mk.name)}" data-make="${mk.id}">${mk.models
        .map((m) => `<option value="${m.id}">${esc(m.name)}（${m.yearFrom}–${m.yearTo === null ? '至今' : m.yearTo}）</option>`)
        .join('')}</optgroup>`)
      .join(''),
  };
  cache.set(makes, built);
  return built;
}

/** The options with `value` selected; values are numeric ids, so the match is exact. */
export function selectOption(options: string, value: string): string {
  if (!/^[1-9]\d{0,9}$/.test(value)) return options;
  return options.replace(`<option value="${value}">`, `<option value="${value}" selected>`);
}
