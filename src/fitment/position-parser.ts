/**
 * Where on the car a part goes, from the title's wording.
 *
 * Rule (kept deliberately simple so shoppers can predict it):
 * 1. Words where 前/后/左/右 is not a place are removed first (以后, 售后, 后视镜, 前装/后装,
 *    左右 as "about"/"pair" counts as both sides).
 * 2. Every remaining 前/后 is an end of the car; parts that only exist at one end add that
 *    end implicitly (尾灯 → 后, 中网/机盖/大灯 → 前). 主驾 is 左 and 副驾 右 (left-hand drive).
 * 3. An axis with exactly one value keeps it; both values (前后, 左右一对) leave it null.
 * 4. `position` is the side if known, else the end: for 右后尾灯 the side is the detail that
 *    tells two otherwise identical parts apart (the end is implied by the part).
 */

export type End = '前' | '后';
export type Side = '左' | '右';
export type Position = End | Side;

export interface Placement {
  readonly end: End | null;
  readonly side: Side | null;
  readonly position: Position | null;
}

const NOT_A_PLACE = /以后|之后|以前|之前|售后|后视镜|倒后镜|前卫|前沿|目前|提前|然后|最后|后续|后期|前期|先后|向前|前进|前装|后装|后市场|后悔|空前|前所未有|左舵|右舵|前任|前缀|后缀|前景|前途|后台|前台/g;
const IMPLICIT_FRONT = /机盖|引擎盖|头盖|前脸|中网|大灯|头灯|进气格栅/;
const IMPLICIT_REAR = /尾灯|尾门|尾翼|尾喉|尾箱|后备箱|倒车灯|倒车镜头|拖车钩/;

function single<T>(values: ReadonlySet<T>): T | null {
  return values.size === 1 ? [...values][0] : null;
}

export function parsePlacement(text: string): Placement {
  const rest = text.replace(NOT_A_PLACE, '　');
  const ends = new Set<End>();
  const sides = new Set<Side>();
  if (rest.includes('前')) ends.add('前');
  if (rest.includes('后')) ends.add('后');
  if (IMPLICIT_FRONT.test(rest)) ends.add('前');
  if (IMPLICIT_REAR.test(rest)) ends.add('后');
  const withoutSeats = rest.replace(/主驾驶?/g, () => {
    sides.add('左');
    return '　';
  }).replace(/副驾驶?/g, () => {
    sides.add('右');
    return '　';
  });
  if (withoutSeats.includes('左')) sides.add('左');
  if (withoutSeats.includes('右')) sides.add('右');
  const end = single(ends);
  const side = single(sides);
  return { end, side, position: side ?? end };
}
