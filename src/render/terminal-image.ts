/** Pictures drawn inside the terminal: which protocol a terminal speaks, and the escape sequences that draw. */

/** The inline-image protocols flashdeck writes: kitty's graphics protocol and iTerm2's inline images. */
export type ImageProtocol = 'kitty' | 'iterm';

/** The `images` setting: `auto` draws on terminals known to show pictures, `on` also inside tmux, `off` never. */
export type ImageSetting = 'auto' | 'on' | 'off';

/** How pictures are drawn on this terminal, or null when they are only named. */
export interface ImageOutput {
  protocol: ImageProtocol;
  /** Inside tmux or screen: each sequence is wrapped for tmux to pass through. */
  multiplexed: boolean;
}

/** A picture's size on screen, in terminal cells. */
export interface CellBox {
  cols: number;
  rows: number;
}

// A cell is about twice as tall as it is wide; 8 × 16 pixels is the common size.
const CELL_WIDTH_PX = 8;
const CELL_HEIGHT_PX = 16;
const KITTY_CHUNK = 4096;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The protocol this terminal speaks, from its environment alone: no query is written, so a terminal that shows no
 * pictures never receives a byte it could print as garbage. Inside tmux or screen pictures are drawn only with `on`
 * (tmux swallows them unless its `allow-passthrough` is set, which cannot be seen from here).
 */
export function detectImageOutput(env: NodeJS.ProcessEnv, setting: ImageSetting): ImageOutput | null {
  if (setting === 'off') return null;
  const term = env.TERM ?? '';
  const multiplexed = Boolean(env.TMUX || env.STY) || /^(?:screen|tmux)/.test(term);
  if (multiplexed && setting !== 'on') return null;
  if (term === 'xterm-kitty' || env.KITTY_WINDOW_ID || term === 'xterm-ghostty' || env.TERM_PROGRAM === 'ghostty')
    return { protocol: 'kitty', multiplexed };
  if (env.TERM_PROGRAM === 'iTerm.app' || env.TERM_PROGRAM === 'WezTerm' || env.LC_TERMINAL === 'iTerm2')
    return { protocol: 'iterm', multiplexed };
  return null;
}

/** A PNG's width and height in pixels, read from its header; undefined for anything else. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24 || PNG_SIGNATURE.some((byte, index) => bytes[index] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** The cells a picture takes: its own size when it fits, else shrunk into `max` keeping its proportions. */
export function fitImage(size: { width: number; height: number } | undefined, max: CellBox): CellBox {
  if (!size) return { cols: Math.min(max.cols, 40), rows: Math.min(max.rows, 10) };
  let cols = Math.min(max.cols, Math.ceil(size.width / CELL_WIDTH_PX));
  let rows = Math.round((cols * CELL_WIDTH_PX * size.height) / size.width / CELL_HEIGHT_PX);
  if (rows > max.rows) {
    rows = max.rows;
    cols = Math.round((rows * CELL_HEIGHT_PX * size.width) / size.height / CELL_WIDTH_PX);
  }
  return { cols: Math.max(1, cols), rows: Math.max(1, rows) };
}

/**
 * The escape sequences that draw `bytes` (the picture file) in `box`. kitty is sent PNG only (other
 * formats it would need decoded): undefined for anything else. iTerm2 reads any format it knows.
 */
export function formatInlineImage(
  output: ImageOutput,
  bytes: Uint8Array,
  name: string,
  box: CellBox,
): string | undefined {
  const data = Buffer.from(bytes).toString('base64');
  let sequences: string[];
  if (output.protocol === 'kitty') {
    if (!readPngSize(bytes)) return undefined;
    const chunks = data.match(new RegExp(`.{1,${KITTY_CHUNK}}`, 'g')) ?? [];
    sequences = chunks.map((chunk, index) => {
      const more = index < chunks.length - 1 ? 1 : 0;
      // a=T: send and show; f=100: PNG; q=2: no replies, so nothing comes back on stdin.
      const keys = index === 0 ? `a=T,f=100,q=2,c=${box.cols},r=${box.rows},m=${more}` : `m=${more}`;
      return `\u001b_G${keys};${chunk}\u001b\\`;
    });
  } else {
    const fileName = Buffer.from(name).toString('base64');
    const size = `size=${bytes.length};width=${box.cols};height=${box.rows};preserveAspectRatio=1`;
    sequences = [`\u001b]1337;File=name=${fileName};${size};inline=1:${data}\u0007`];
  }
  const wrapped = output.multiplexed ? sequences.map(wrapForTmux) : sequences;
  return wrapped.join('');
}

/** A sequence tmux passes to the terminal outside it, its escapes doubled. */
function wrapForTmux(sequence: string): string {
  return `\u001bPtmux;${sequence.replace(/\u001b/g, '\u001b\u001b')}\u001b\\`;
}
