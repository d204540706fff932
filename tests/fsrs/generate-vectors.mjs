// generate-vectors.mjs
//
// Copyright 2026 The Xuefa authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Writes tests/data/fsrs/vectors.json: review histories scheduled by the
// reference implementation of FSRS-6, the npm package ts-fsrs, so that
// tests/test-fsrs.c can check that src/core/xf-fsrs.c schedules every
// review the same way.
//
// The vectors were made with ts-fsrs 5.4.2 (FSRS-6.0) under Node 20:
//
//   mkdir /tmp/fsrs-gen && cd /tmp/fsrs-gen
//   npm init -y && npm install ts-fsrs@5.4.2
//   node /path/to/xuefa/tests/fsrs/generate-vectors.mjs > vectors.json
//   cp vectors.json /path/to/xuefa/tests/data/fsrs/vectors.json
//
// The script resolves 'ts-fsrs' from the current directory's
// node_modules. CI does not run it: the committed JSON is the reference,
// and regenerating it is only needed when moving to another ts-fsrs
// release. The random histories come from a fixed seed, so the same
// ts-fsrs version writes the same file.
//
// Every card starts new and is reviewed with random ratings at random,
// realistic times: usually a little after it falls due, sometimes early
// (even on the same day, which exercises the short-term stability of
// FSRS-6), sometimes weeks or months late; learning steps are reviewed
// minutes or hours later on the same day, and times fall on both sides
// of UTC midnight, which is where ts-fsrs counts its days.  Most cards use
// the default parameters (desired retention 0.9); some use 0.70, 0.80,
// 0.95 and 0.97, and a few turn the short-term scheduler off (the card's
// "short_term": false).  After each review the card's state as ts-fsrs computed
// it is recorded.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'index.js'));
const tsfsrs = require('ts-fsrs');
const pkg = JSON.parse (fs.readFileSync (
  path.join (process.cwd (), 'node_modules', 'ts-fsrs', 'package.json'), 'utf8'));
const {
  fsrs, generatorParameters, createEmptyCard, Rating, State,
} = tsfsrs;

// mulberry32: a small seeded generator, so that the file is reproducible.
function makeRandom (seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul (t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul (t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = makeRandom (20260301);
const uniform = (lo, hi) => lo + (hi - lo) * random ();
const randint = (lo, hi) => Math.floor (uniform (lo, hi + 1));

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STATE_NAMES = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

// Whole seconds, as the review log stores them.
function iso (date) {
  return new Date (Math.floor (date.getTime () / SECOND) * SECOND)
    .toISOString ().replace ('.000Z', 'Z');
}

// A learner's ratings: each card gets its own mix, some easy, some hard.
function makeRater () {
  const again = uniform (0.03, 0.35);
  const hard = uniform (0.03, 0.25);
  const easy = uniform (0.02, 0.25);
  return () => {
    const x = random ();
    if (x < again) return Rating.Again;
    if (x < again + hard) return Rating.Hard;
    if (x < again + hard + easy) return Rating.Easy;
    return Rating.Good;
  };
}

// When the next review happens, given the card as it stands.
function nextReviewTime (card, last) {
  const due = card.due.getTime ();
  const lastMs = last.getTime ();
  const interval = Math.max (due - lastMs, MINUTE);
  const x = random ();

  if (card.state === State.Learning || card.state === State.Relearning) {
    if (x < 0.10) // a little before the step is due
      return new Date (lastMs + Math.floor (interval * uniform (0.2, 0.95)));
    if (x < 0.75) // right after it, in the same sitting
      return new Date (due + randint (0, 15 * 60) * SECOND);
    if (x < 0.90) // later the same day, or early the next one
      return new Date (due + randint (1, 14 * 3600) * SECOND);
    return new Date (due + randint (1, 20) * DAY + randint (0, 86399) * SECOND);
  }

  if (x < 0.06) // again in the same sitting
    return new Date (lastMs + randint (30, 3 * 3600) * SECOND);
  if (x < 0.18) // early
    return new Date (lastMs + Math.floor (interval * uniform (0.1, 0.95)));
  if (x < 0.70) // on the day it falls due or a day or two later
    return new Date (due + randint (-6 * 3600, 2 * 86400) * SECOND);
  if (x < 0.90) // late
    return new Date (due + Math.floor (interval * uniform (0.2, 2.0)));
  // away for a long time
  return new Date (due + randint (30, 400) * DAY + randint (0, 86399) * SECOND);
}

// The first review: a day in the first months of 2026, at a working
// hour in Beijing (UTC+8), i.e. 23:00–14:00 UTC, so some fall just before
// UTC midnight.
function firstReviewTime () {
  const day = Date.UTC (2026, 0, 1) + randint (0, 89) * DAY;
  return new Date (day + randint (-3600, 14 * 3600) * SECOND);
}

// Random histories stop in 2040; the all-Easy cards run on for
// centuries, until their intervals reach the maximum.
const LIMIT = Date.UTC (2040, 0, 1);
const FAR_LIMIT = Date.UTC (3000, 0, 1);

function simulate (f, id, retention, count, rate, timeOf, limit = LIMIT) {
  let card = createEmptyCard (new Date (Date.UTC (2026, 0, 1)));
  let when = firstReviewTime ();
  const reviews = [];

  for (let i = 0; i < count; i++) {
    if (i > 0)
      when = timeOf (card, when);
    if (when.getTime () > limit)
      break;
    const rating = rate (i);
    const retrievability = f.get_retrievability (card, when, false);
    const { card: next } = f.next (card, when, rating);
    reviews.push ({
      rating,
      time: iso (when),
      retrievability: retrievability,
      state: STATE_NAMES[next.state],
      stability: next.stability,
      difficulty: next.difficulty,
      due: iso (next.due),
      scheduled_days: next.scheduled_days,
      elapsed_days: next.elapsed_days,
      learning_steps: next.learning_steps,
      reps: next.reps,
      lapses: next.lapses,
    });
    card = next;
  }
  const card_out = { id, retention };
  if (!f.parameters.enable_short_term)
    card_out.short_term = false;
  card_out.reviews = reviews;
  return card_out;
}

const groups = [
  { retention: 0.9, cards: 360 },
  // FSRS without its short-term stability: ts-fsrs then schedules no
  // learning steps and every card goes straight to review.
  { retention: 0.9, cards: 30, short_term: false },
  { retention: 0.7, cards: 60 },
  { retention: 0.8, cards: 60 },
  { retention: 0.95, cards: 60 },
  { retention: 0.97, cards: 60 },
];

const cards = [];
let id = 0;
let parameters = null;

for (const group of groups) {
  // Everything but the desired retention is ts-fsrs's default.
  const params = generatorParameters ({
    request_retention: group.retention,
    enable_fuzz: false,
    enable_short_term: group.short_term ?? true,
  });
  const f = fsrs (params);
  if (parameters === null)
    parameters = params;

  for (let i = 0; i < group.cards; i++) {
    const rater = makeRater ();
    cards.push (simulate (f, ++id, group.retention, randint (4, 24),
                          () => rater (), nextReviewTime));
  }

  // Cards answered Easy every time, on the second they fall due: their
  // intervals grow until the maximum interval caps them.
  for (let i = 0; i < 2; i++)
    cards.push (simulate (f, ++id, group.retention, 14,
                          () => Rating.Easy, (card) => card.due, FAR_LIMIT));
  // … and cards that are forgotten again and again.
  cards.push (simulate (f, ++id, group.retention, 20,
                        (n) => (n % 3 === 2 ? Rating.Good : Rating.Again),
                        nextReviewTime));
}

const defaults = parameters;
const out = {
  generator: 'tests/fsrs/generate-vectors.mjs',
  ts_fsrs_version: pkg.version,
  parameters: {
    w: Array.from (defaults.w),
    maximum_interval: defaults.maximum_interval,
    enable_fuzz: defaults.enable_fuzz,
    enable_short_term: defaults.enable_short_term,
    learning_steps: Array.from (defaults.learning_steps),
    relearning_steps: Array.from (defaults.relearning_steps),
  },
  cards,
};

// One review a line keeps the file readable and diffable.
const lines = [];
lines.push ('{');
lines.push (`  "generator": ${JSON.stringify (out.generator)},`);
lines.push (`  "ts_fsrs_version": ${JSON.stringify (out.ts_fsrs_version)},`);
lines.push (`  "parameters": ${JSON.stringify (out.parameters)},`);
lines.push ('  "cards": [');
out.cards.forEach ((card, ci) => {
  const flags = card.short_term === false ? ', "short_term": false' : '';
  lines.push (`    {"id": ${card.id}, "retention": ${card.retention}${flags}, "reviews": [`);
  card.reviews.forEach ((review, ri) => {
    const comma = ri + 1 < card.reviews.length ? ',' : '';
    lines.push (`      ${JSON.stringify (review)}${comma}`);
  });
  lines.push (`    ]}${ci + 1 < out.cards.length ? ',' : ''}`);
});
lines.push ('  ]');
lines.push ('}');
process.stdout.write (lines.join ('\n') + '\n');
