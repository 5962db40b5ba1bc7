const DAILY = /^(\d{1,2})\s+(\d{1,2})\s+\*\s+\*\s+\*$/;

/**
 * The local time of day the daily digest goes out, 'HH:MM', when the schedules.dailyDigest cron
 * expression is a plain "M H * * *"; null for anything fancier (the reply then says "at the set time").
 */
export function dailyDigestTime(cron: string): string | null {
  const match = DAILY.exec(cron.trim());
  if (!match) return null;
  const minute = Number(match[1]);
  const hour = Number(match[2]);
  if (minute > 59 || hour > 23) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
