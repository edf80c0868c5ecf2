/** mulberry32: a small seeded PRNG, so generated decks, histories and learners are the same every run. */
export function createRandom(seed: number): () => number;
