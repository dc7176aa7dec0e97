/** Shopper-facing strings of the garage, picker and fit badges; tests assert codes and kinds. */
export const SHOP_TEXT = Object.freeze({
  badge: { fits: '适配 ✓', universal: '通用', unknown: '未知', no_fit: '不适配', spec: '按电压适配' },
  banner: (label: string) => `正在为 ${label} 选购`,
  fitBox: {
    title: '是否适配我的车？',
    fits: (label: string) => `适配你的 ${label}`,
    noFit: (label: string) => `不适配你的 ${label}，请查看下方适用车型`,
    maybe: (label: string) => `无法确定是否适配你的 ${label}，请核对年款或咨询客服`,
    unknownKind: '商品未标注适用车型，请咨询客服确认',
    universal: '通用款，适用于大多数车型',
    spec: (spec: string) => `按电压适配（${spec}），请确认你的车辆电压`,
    choose: '选择你的车型，看看是否适配',
    allModels: '全系车型',
    allYears: '全部年款',
  },
  picker: {
    title: '选择车型',
    make: '品牌',
    model: '车型',
    year: '年款',
    chooseMake: '选择品牌',
    chooseModel: '选择车型',
    chooseYear: '选择年款',
    next: '下一步',
    save: '按此车型选购',
    crossSiteConfirm: '确认用这个车型选购吗？',
  },
  garage: { title: '我的车库', empty: '车库里还没有车', activate: '设为当前', remove: '移除', clear: '清空车库', active: '当前' },
  fitsNeedsVehicle: '请先选择车型，才能只看适配的配件',
  crossSite: '请从本站页面操作车库',
});

export function vehicleLabel(v: { makeName: string; modelName: string | null; year: number | null }): string {
  const name = v.modelName ? `${v.makeName} ${v.modelName}` : v.makeName;
  return v.year !== null ? `${name} (${v.year}款)` : name;
}

export function yearsLabel(from: number | null, to: number | null): string {
  if (from === null && to === null) return SHOP_TEXT.fitBox.allYears;
  if (from !== null && to === null) return `${from}款起`;
  if (from === null && to !== null) return `${to}款及以前`;
  return from === to ? `${from}款` : `${from}–${to}款`;
}

/** fitment_spec as stored by applyParsedFitment: {"voltage":[12,24]} → "12V/24V". */
export function specLabel(spec: string | null): string | null {
  if (!spec) return null;
  try {
    const data = JSON.parse(spec) as { voltage?: unknown };
    const volts = Array.isArray(data.voltage) ? data.voltage.filter((v): v is number => typeof v === 'number') : [];
    return volts.length ? volts.map((v) => `${v}V`).join('/') : null;
  } catch {
    return null;
  }
}
