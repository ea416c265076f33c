// Test data for the team area's tests: a small guide, an entry written with it, a space's
// status with something to say about its folder, and the team's timeline. Only tests import
// this file.
import type { Entry, Guide, Scope, SharePreview, SpaceInfo, SpaceStatus, TeamNode, TeamTimeline } from "../ipc";

const t = (en: string, da = `${en} (da)`) => ({ da, en });
const q = (id: string, type: string, label: string, feeds?: string, options: string[] = []) => ({
  id,
  type,
  label: t(label),
  help: t(""),
  feeds,
  options: options.map((o) => ({ id: o, label: t(`Option ${o}`) })),
  parts: [],
});

export const guide = {
  id: "g",
  version: 2,
  title: t("Test guide"),
  description: t(""),
  listed: true,
  steps: [
    {
      id: "one",
      title: t("First"),
      intro: null,
      optional: false,
      questions: [
        q("day", "date", "When was it?", "occurred_on"),
        q("headline", "short_text", "Headline", "title"),
        q("where", "short_text", "Which initiative?", "initiative"),
        q("how", "single_choice", "How did it go?", "outcome", ["failed", "succeeded"]),
        q("notes", "long_text", "What happened?", "what_happened"),
        {
          ...q("participation", "participation", "Citizens' participation", "participation"),
          parts: [
            { id: "phase", label: t("Came in at"), help: t(""), options: [{ id: "design", label: t("Design") }] },
            { id: "role", label: t("Their role"), help: t(""), options: [{ id: "co_designer", label: t("Co-designers") }] },
          ],
        },
        q("org", "single_choice", "Organised as", "organised", ["association"]),
      ],
    },
  ],
} as unknown as Guide;

export const entry: Entry = {
  id: "e-1",
  guideId: "g",
  guideVersion: 2,
  occurredOn: "2026-03-12",
  title: "Course for mothers",
  outcome: "failed",
  initiative: "Danish lessons",
  initiativeId: null,
  answers: {
    day: "2026-03-12",
    headline: "Course for mothers",
    where: "Danish lessons",
    how: "failed",
    notes: "Few came; the course was decided before we met them.",
    participation: { phase: "design", role: "co_designer" },
    org: "association",
  },
  completedAt: "2026-03-12T10:00:00Z",
  participation: { phase: "design", role: "co_designer", level: 3, initiator: null, predecided: null },
  interestAlignment: 2,
  trustBefore: null,
  trustAfter: null,
  organisation: "association",
  expectation: "",
  whatHappened: "Few came; the course was decided before we met them.",
  analysis: "",
  learning: "",
  feelings: "",
  actions: [],
  tags: ["autumn"],
  authorId: "i-1",
  createdAt: "2026-03-12T10:00:00Z",
  updatedAt: "2026-03-12T10:00:00Z",
  revision: 1,
};

/** What the core's `share_preview` answers for `entry` (its projection, written out by hand for
 * the window's tests; the rule itself is tested in the core, `tests/store/spaces/projection.rs`). */
export function previewOf(e: Entry, scope: Scope): SharePreview {
  const p = e.participation;
  if (scope === "aggregate") return { body: { outcome: e.outcome, level: p.level }, author: null };
  const body: Record<string, unknown> = {
    guide_id: e.guideId,
    guide_version: e.guideVersion,
    title: e.title,
    initiative: e.initiative,
    outcome: e.outcome,
    phase: p.phase,
    role: p.role,
    level: p.level,
    initiator: p.initiator,
    predecided: p.predecided,
    interest_alignment: e.interestAlignment,
    trust_before: e.trustBefore,
    trust_after: e.trustAfter,
    organisation: e.organisation,
  };
  if (scope === "named") return { body: { ...body, tags: e.tags, occurred_on: e.occurredOn, answers: e.answers }, author: "Amir" };
  const { day: _day, ...answers } = e.answers as Record<string, unknown>;
  return { body: { ...body, occurred_on: e.occurredOn.slice(0, 7), answers }, author: null };
}

export const space: SpaceInfo = { id: "s-1", name: "Team North", folder: "/home/ab/Team North", lead: true, epoch: 2, leadFingerprint: "AAAA BBBB CCCC DDDD EEEE" };

export function status(over: Partial<SpaceStatus> = {}): SpaceStatus {
  return {
    space,
    folderPresent: true,
    members: [
      { name: "Team lead Ann", lead: true, fingerprint: "AAAA BBBB CCCC DDDD EEEE", me: true },
      { name: "Housing advisor", lead: false, fingerprint: "1111 2222 3333 4444 5555", me: false },
    ],
    removed: false,
    lastReadAt: "2026-03-13T09:30:00Z",
    shared: 0,
    aggregate: 0,
    heldBack: [],
    rejected: [],
    notOurs: 0,
    waiting: 0,
    toRemove: 0,
    retention: null,
    rosterForks: [],
    missing: [],
    chainBreaks: [],
    ...over,
  };
}

/** A shared attempt on the team's timeline: named, by a colleague, unless told otherwise. */
export function teamNode(over: Partial<TeamNode> = {}): TeamNode {
  return {
    id: "sh-1",
    title: "Homework café",
    occurredOn: "2026-03-10",
    outcome: "succeeded",
    participationLevel: 2,
    scope: "named",
    author: "Housing advisor",
    mine: false,
    ...over,
  };
}

/** The team's timeline as the backend sends it with nothing shared: no lanes, and the outcomes
 * chart's five levels all empty. */
export function timeline(over: Partial<TeamTimeline> = {}): TeamTimeline {
  return {
    lanes: [],
    charts: {
      levelOverTime: [],
      outcomesByLevel: [0, 1, 2, 3, 4].map((level) => ({ level, failed: 0, partly: 0, succeeded: 0, tooEarly: 0 })),
    },
    withheld: 0,
    aggregate: 0,
    ...over,
  };
}
