/** Shared escaping for reporters: content is data, so nothing in it may act as markup or control. */

// ANSI CSI/OSC sequences, then any remaining C0/C1 control character except tab and newline.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes terminal escape sequences and control characters (keeps `\n` and `\t`). */
export function stripControl(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '');
}
