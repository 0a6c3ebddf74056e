// The time zones of Russia offered in «Настройки → Мероприятия», with their
// Russian names. Offsets are fixed (Russia keeps no daylight-saving time).

export const RUSSIAN_TIME_ZONES: Array<[string, string]> = [
  ["Europe/Kaliningrad", "Калининград (UTC+2)"],
  ["Europe/Moscow", "Москва (UTC+3)"],
  ["Europe/Samara", "Самара (UTC+4)"],
  ["Asia/Yekaterinburg", "Екатеринбург (UTC+5)"],
  ["Asia/Omsk", "Омск (UTC+6)"],
  ["Asia/Novosibirsk", "Новосибирск (UTC+7)"],
  ["Asia/Krasnoyarsk", "Красноярск (UTC+7)"],
  ["Asia/Irkutsk", "Иркутск (UTC+8)"],
  ["Asia/Yakutsk", "Якутск (UTC+9)"],
  ["Asia/Vladivostok", "Владивосток (UTC+10)"],
  ["Asia/Magadan", "Магадан (UTC+11)"],
  ["Asia/Kamchatka", "Камчатка (UTC+12)"],
];

/**
 * The options of the select: the Russian zones, and the stored one first
 * when it is some other zone (set elsewhere), so it is shown, not lost.
 */
export function timeZoneOptions(current: string): Array<[string, string]> {
  if (!current || RUSSIAN_TIME_ZONES.some(([z]) => z === current)) return RUSSIAN_TIME_ZONES;
  return [[current, current], ...RUSSIAN_TIME_ZONES];
}

export function timeZoneLabel(zone: string): string {
  return RUSSIAN_TIME_ZONES.find(([z]) => z === zone)?.[1] ?? zone;
}
