/** Small questions rules ask of spec items. */

/** Whether an item limited to `channels` applies to a document in `channel` (no channel: not limited). */
export function appliesIn(channels: string[] | undefined, channel: string | undefined): boolean {
  if (!channels) return true;
  return channel !== undefined && channels.includes(channel);
}
