import { DEFAULT_RETENTION } from './scheduler.js';

/** The desired retentions a learner may choose: below 0.7 too much is forgotten, above 0.99 reviews explode. */
export const RETENTION_RANGE = { min: 0.7, max: 0.99 } as const;

/** The learner's settings, kept in the store's config.json. */
export interface Settings {
  /** At most this many new cards per study day. */
  newCardsPerDay: number;
  /** At most this many due cards per study day. */
  reviewsPerDay: number;
  /** The recall probability FSRS schedules for (0.7–0.99). */
  retention: number;
  /** Once a card of a note is rated, the note's other cards wait for the next study day. */
  burySiblings: boolean;
  /** Draw a card's pictures in terminals that show them (`auto`), also inside tmux (`on`), or only name them (`off`). */
  images: 'auto' | 'on' | 'off';
  /** A card that becomes a leech (forgotten 8 times) is suspended at once. */
  suspendLeeches: boolean;
}

/** A setting's value: a number, or yes/no. */
export type SettingValue = Settings[keyof Settings];

/** One setting as `flashdeck config` shows it. */
export interface SettingSpec {
  /** The name on the command line, e.g. `new-per-day`. */
  name: string;
  key: keyof Settings;
  description: string;
  /** What a value must be, for messages: `a whole number, 0 or more`. */
  allowed: string;
  defaultValue: SettingValue;
  /** Reads a value typed by the user or found in config.json; null when it is not allowed. */
  parse(value: unknown): SettingValue | null;
}

const wholeNumber = (value: unknown): number | null => {
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : null;
};

const yesOrNo = (value: unknown): boolean | null => {
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (['true', 'yes', 'on', '1'].includes(word)) return true;
  return ['false', 'no', 'off', '0'].includes(word) ? false : null;
};

/** Every setting, in the order `flashdeck config` lists them. */
export const SETTINGS: readonly SettingSpec[] = [
  {
    name: 'new-per-day',
    key: 'newCardsPerDay',
    description: 'new cards per study day, a whole number (0 or more)',
    allowed: 'a whole number, 0 or more',
    defaultValue: 20,
    parse: wholeNumber,
  },
  {
    name: 'reviews-per-day',
    key: 'reviewsPerDay',
    description: 'due cards per study day, a whole number (0 or more)',
    allowed: 'a whole number, 0 or more',
    defaultValue: 200,
    parse: wholeNumber,
  },
  {
    name: 'retention',
    key: 'retention',
    description: 'desired retention, the recall probability to schedule for (0.7 to 0.99)',
    allowed: 'a number from 0.7 to 0.99',
    defaultValue: DEFAULT_RETENTION,
    parse: (value) => {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof number === 'number' && number >= RETENTION_RANGE.min && number <= RETENTION_RANGE.max
        ? number
        : null;
    },
  },
  {
    name: 'bury-siblings',
    key: 'burySiblings',
    description: "once a card of a note is rated, its note's other cards wait for the next study day (true/false)",
    allowed: 'true or false',
    defaultValue: true,
    parse: yesOrNo,
  },
  {
    name: 'images',
    key: 'images',
    description: 'draw pictures in terminals that show them: auto, on (also inside tmux), off (only name them)',
    allowed: 'auto, on or off',
    defaultValue: 'auto',
    parse: (value) => {
      const word = typeof value === 'string' ? value.trim().toLowerCase() : value;
      if (word === true) return 'on';
      if (word === false) return 'off';
      return word === 'auto' || word === 'on' || word === 'off' ? word : null;
    },
  },
  {
    name: 'suspend-leeches',
    key: 'suspendLeeches',
    description: 'suspend a card as soon as it becomes a leech, forgotten 8 times (true/false)',
    allowed: 'true or false',
    defaultValue: false,
    parse: yesOrNo,
  },
];

/** The defaults of every setting. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(
  Object.fromEntries(SETTINGS.map((spec) => [spec.key, spec.defaultValue])) as unknown as Settings,
);

/** Finds a setting by its command-line name or its config.json key. */
export function findSetting(name: string): SettingSpec | undefined {
  return SETTINGS.find((spec) => spec.name === name || spec.key === name);
}
