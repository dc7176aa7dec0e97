/** 138****5678: enough for a shop assistant to tell orders apart, not enough to call anyone. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/** The province and city stay (for the desk's overview); the street address does not. */
export function maskAddress(o: { province: string; city: string; district: string; address: string }): string {
  return `${o.province}${o.city}${o.district} ${o.address.slice(0, 2)}****`;
}

export function maskName(name: string): string {
  return name.length <= 1 ? `${name}*` : `${[...name][0]}${'*'.repeat(Math.min(3, [...name].length - 1))}`;
}
