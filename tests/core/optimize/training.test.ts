import { Rating as Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { toTrainingReviews, toTrainingSet } from '../../../src/core/optimize/training.js';
import type { Rating, ReviewEntry } from '../../../src/core/log/review-log.js';

const review = (card: string, rating: Rating, at: string): ReviewEntry => ({ card, rating, at, seconds: 4 });

describe('review history → FSRS training items', () => {
  it('maps ratings as the scheduler does: 1–2 Again, 3 Hard, 4 Good, 5 Easy', () => {
    const reviews = [1, 2, 3, 4, 5].map((rating, day) =>
      review('c', rating as Rating, `2026-03-0${day + 1}T10:00:00Z`),
    );
    expect(toTrainingReviews(reviews).map((r) => r.grade)).toEqual([
      Grade.Again,
      Grade.Again,
      Grade.Hard,
      Grade.Good,
      Grade.Easy,
    ]);
  });

  it('counts whole study days between reviews (a day starts at 04:00) and keeps only the first review of each', () => {
    const reviews = [
      review('c', 4, '2026-03-01T10:00:00Z'),
      review('c', 1, '2026-03-04T10:00:00Z'),
      review('c', 3, '2026-03-04T10:05:00Z'), // the same session's repeat after a lapse
      review('c', 4, '2026-03-11T03:30:00Z'), // before 04:00: still the study day of 10 March
      review('c', 5, '2026-03-11T04:30:00Z'),
    ];
    expect(toTrainingReviews(reviews)).toEqual([
      { grade: Grade.Good, deltaT: 0 },
      { grade: Grade.Again, deltaT: 3 },
      { grade: Grade.Good, deltaT: 6 },
      { grade: Grade.Easy, deltaT: 1 },
    ]);
  });

  it('makes one item per review after a card’s first, holding the history up to it', () => {
    const set = toTrainingSet(
      new Map([
        [
          'a',
          [
            review('a', 4, '2026-03-01T10:00:00Z'),
            review('a', 3, '2026-03-03T10:00:00Z'),
            review('a', 1, '2026-03-09T10:00:00Z'),
          ],
        ],
        ['b', [review('b', 5, '2026-03-01T10:00:00Z')]],
        ['c', [review('c', 2, '2026-03-01T10:00:00Z'), review('c', 3, '2026-03-01T10:02:00Z')]],
      ]),
    );
    expect(set).toEqual({
      items: [
        [
          { grade: Grade.Good, deltaT: 0 },
          { grade: Grade.Hard, deltaT: 2 },
        ],
        [
          { grade: Grade.Good, deltaT: 0 },
          { grade: Grade.Hard, deltaT: 2 },
          { grade: Grade.Again, deltaT: 6 },
        ],
      ],
      cards: 1,
    });
  });
});
