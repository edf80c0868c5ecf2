// Apart from the topics' text, so the command line can name them without loading what renders them.

/** The topics of `flashdeck help <topic>`. */
export const HELP_TOPICS = ['format', 'keys', 'settings'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];
