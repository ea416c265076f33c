// The UI's one door to the backend. Only this folder imports @tauri-apps/api; every other
// module calls these typed functions. Errors always arrive as an IpcError ({kind, message,
// field, problem}), whatever went wrong on the way.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { AppStatus } from "./bindings/AppStatus";
import type { Draft } from "./bindings/Draft";
import type { DraftInput } from "./bindings/DraftInput";
import type { Entry } from "./bindings/Entry";
import type { EntryInput } from "./bindings/EntryInput";
import type { EntryPage } from "./bindings/EntryPage";
import type { IpcError } from "./bindings/IpcError";
import type { Locale } from "./bindings/Locale";
import type { Settings } from "./bindings/Settings";
import type { Guide } from "./bindings/Guide";
import type { GuideSummary } from "./bindings/GuideSummary";
import type { LensFinding } from "./bindings/LensFinding";
import type { Finding } from "./bindings/Finding";
import type { Pseudonymised } from "./bindings/Pseudonymised";
import type { EntryCheck } from "./bindings/EntryCheck";
import type { CheckedText } from "./bindings/CheckedText";
import type { EntryDocument } from "./bindings/EntryDocument";
import type { DocumentAnswer } from "./bindings/DocumentAnswer";
import type { About } from "./bindings/About";
import { asIpcError } from "./errors";
import type { Commands } from "./commands";

export type { AppStatus, Draft, DraftInput, Entry, EntryInput, EntryPage, IpcError, Locale, Settings };
export type { Guide, GuideSummary, LensFinding, Finding, Pseudonymised, EntryCheck, CheckedText, EntryDocument, DocumentAnswer };
export type { FindingKind } from "./bindings/FindingKind";
export type { Outcome } from "./bindings/Outcome";
export type { Question } from "./bindings/Question";
export type { Step } from "./bindings/Step";
export type { LocalText } from "./bindings/LocalText";
export type { Action } from "./bindings/Action";
export type { TimelinePage } from "./bindings/TimelinePage";
export type { TimelineFilter } from "./bindings/TimelineFilter";
export type { TimelineNode } from "./bindings/TimelineNode";
export type { Lane } from "./bindings/Lane";
export type { Initiative } from "./bindings/Initiative";
export type { EntryLinks } from "./bindings/EntryLinks";
export type { LinkedEntry } from "./bindings/LinkedEntry";
export type { LinkKind } from "./bindings/LinkKind";
export type { Change } from "./bindings/Change";
export type { DueAction } from "./bindings/DueAction";
export type { ChartData } from "./bindings/ChartData";
export type { ActionStatus } from "./bindings/ActionStatus";
export type { EntrySummary } from "./bindings/EntrySummary";
export type { ErrorKind } from "./bindings/ErrorKind";
export type { About };
export type { Component } from "./bindings/Component";
export { asIpcError, isIpcError } from "./errors";

/** Calls a command with the arguments its Rust signature takes, typed from `commands.ts` (which
 * is generated from that signature): a wrong name or argument fails `npm run check`. */
async function call<C extends keyof Commands>(
  cmd: C,
  ...args: Commands[C]["args"] extends Record<string, never> ? [] : [Commands[C]["args"]]
): Promise<Commands[C]["returns"]> {
  try {
    return await invoke<Commands[C]["returns"]>(cmd, args[0]);
  } catch (e) {
    throw asIpcError(e);
  }
}

export const appStatus = () => call("app_status");
export const retryOpen = () => call("retry_open");
export const about = () => call("about");
/** Opens the journal's data folder in the system's file manager (the shell finds the folder). */
export const openDataFolder = () => call("open_data_folder");

export const listEntries = (cursor: string | null, limit?: number) =>
  call("list_entries", { cursor, limit });
export const getEntry = (id: string) => call("get_entry", { id });
export const createEntry = (input: EntryInput, draftId: string | null) =>
  call("create_entry", { input, draftId });
export const updateEntry = (id: string, input: EntryInput, draftId: string | null) =>
  call("update_entry", { id, input, draftId });

export const saveDraft = (draft: DraftInput) => call("save_draft", { draft });
export const getDraft = (id: string) => call("get_draft", { id });
export const draftForEntry = (entryId: string) => call("draft_for_entry", { entryId });
export const listDrafts = () => call("list_drafts");
export const discardDraft = (id: string) => call("discard_draft", { id });

/** `null` follows the operating system. */
export const setLanguage = (language: Locale | null) => call("set_language", { language });

export const listGuides = () => call("list_guides");
export const scanFraming = (text: string) => call("scan_framing", { text });

// The personal-data guard. Findings carry UTF-16 offsets (`start`, `end`), as JS strings index.
export const scanText = (text: string) => call("scan_text", { text });
/** Every text of the entry being written, each with what the guard finds in it (one scan). */
/** An entry's answers as the core words them, in `locale`. */
export const entryDocument = (id: string, locale: Locale) => call("entry_document", { id, locale });
export const checkEntry = (input: EntryInput) => call("check_entry", { input });
export const pseudonymise = (texts: string[], finding: Finding, language: Locale) =>
  call("pseudonymise", { texts, finding, language });
export const neverStoreWords = () => call("never_store_words");
export const setNeverStoreWords = (words: string[]) => call("set_never_store_words", { words });

export const loadExample = (language: Locale) => call("load_example", { language });

// Guides never change while the app runs, so each version is fetched once.
const guideCache = new Map<string, Promise<Guide>>();
export function getGuide(id: string, version: number | null): Promise<Guide> {
  const key = `${id}@${version ?? "latest"}`;
  let found = guideCache.get(key);
  if (!found) {
    found = call("get_guide", { id, version });
    found.catch(() => guideCache.delete(key));
    guideCache.set(key, found);
  }
  return found;
}

import type { TimelinePage as TP } from "./bindings/TimelinePage";
import type { TimelineFilter as TF } from "./bindings/TimelineFilter";
import type { Initiative as In } from "./bindings/Initiative";
import type { EntryLinks as EL } from "./bindings/EntryLinks";
import type { LinkKind as LK } from "./bindings/LinkKind";
import type { Change as Ch } from "./bindings/Change";
import type { DueAction as DA } from "./bindings/DueAction";
import type { ChartData as CD } from "./bindings/ChartData";
import type { Action as Ac } from "./bindings/Action";

import type { SearchRequest as SRq } from "./bindings/SearchRequest";
import type { SearchResults as SRs } from "./bindings/SearchResults";
export type { SearchHit } from "./bindings/SearchHit";
export type { Segment } from "./bindings/Segment";
import type { EntryVersion as EV } from "./bindings/EntryVersion";
import type { VersionView as VV } from "./bindings/VersionView";
export type { EntryVersion } from "./bindings/EntryVersion";
export type { VersionView } from "./bindings/VersionView";
export const entryHistory = (id: string) => call("entry_history", { id });
export const entryVersion = (id: string, revision: number, locale: Locale) => call("entry_version", { id, revision, locale });
export const restoreVersion = (id: string, revision: number) => call("restore_version", { id, revision });
import type { ExportRequest as XRq } from "./bindings/ExportRequest";
import type { ExportReport as XRp } from "./bindings/ExportReport";
import type { ImportReport as IRp } from "./bindings/ImportReport";
import type { ImportPreview as IPv } from "./bindings/ImportPreview";
import type { ExportFinding as XF } from "./bindings/ExportFinding";
import type { ExportFormat as XFm } from "./bindings/ExportFormat";
import type { Progress as Pg } from "./bindings/Progress";
export type { ExportRequest } from "./bindings/ExportRequest";
export type { ExportReport } from "./bindings/ExportReport";
export type { ImportReport } from "./bindings/ImportReport";
export type { ImportPreview } from "./bindings/ImportPreview";
export type { ImportChange } from "./bindings/ImportChange";
export type { ExportFinding } from "./bindings/ExportFinding";
export type { ExportFormat } from "./bindings/ExportFormat";
export type { FindingsChoice } from "./bindings/FindingsChoice";
export type { Progress } from "./bindings/Progress";
/** Long work reports its progress on a channel of its own. */
function progressChannel(onProgress: (p: Pg) => void): Channel<Pg> {
  const channel = new Channel<Pg>();
  channel.onmessage = onProgress;
  return channel;
}
export const exportFindings = (entries: string[]) => call("export_findings", { entries });
/** Opens the folder the last export was written into (the shell knows which). */
export const showLastExport = () => call("show_last_export");
export const exportEntries = (request: XRq, onProgress: (p: Pg) => void) =>
  call("export_entries", { request, onProgress: progressChannel(onProgress) });
/** What importing the file would do: each entry here it would change, named. Writes nothing. */
export const importPreview = (path: string, passphrase: string | null) => call("import_preview", { path, passphrase });
/** Imports the file, changing only the existing entries in `accept`. */
export const importEntries = (path: string, passphrase: string | null, accept: string[], onProgress: (p: Pg) => void) =>
  call("import_entries", { path, passphrase, accept, onProgress: progressChannel(onProgress) });
/** Builds the search index again from the entries; returns how many it holds. */
export const rebuildSearchIndex = (onProgress: (p: Pg) => void) => call("rebuild_search_index", { onProgress: progressChannel(onProgress) });
/** Stops the export, import, backup or rebuild running now; it changes nothing. */
export const cancelLongWork = () => call("cancel_long_work");
export const suggestedExportPath = (format: XFm, locale: Locale) => call("suggested_export_path", { format, locale });
export const searchEntries = (request: SRq) => call("search_entries", { request });

export const timelinePage = (filter: TF, cursor: string | null, limit?: number) =>
  call("timeline_page", { filter, cursor, limit });
export const listInitiatives = () => call("list_initiatives");
export const linksOf = (id: string) => call("links_of", { id });
export const linkEntries = (from: string, to: string, kind: LK) => call("link_entries", { from, to, kind });
export const unlink = (id: string) => call("unlink", { id });
export const compareEntries = (earlier: string, later: string) => call("compare_entries", { earlier, later });
export const setActionStatus = (id: string, status: string, note: string) =>
  call("set_action_status", { id, status, note });
export const overdueActions = (today: string) => call("overdue_actions", { today });
export const latestAttempt = (initiative: string) => call("latest_attempt", { initiative });
export const chartData = (initiative: string | null) => call("chart_data", { initiative });
export const deleteEntry = (id: string) => call("delete_entry", { id });
export const listTags = () => call("list_tags");
export const updateInitiative = (
  id: string,
  input: { title: string; neighbourhood: string; citizenGroup: string; purpose: string },
) => call("update_initiative", { id, input });

// The vault: first setup, unlock, recovery, lock.
// `name` names a new journal beside the others; `journal` is the chosen journal's id (null
// where there is no choice: under EFTERTANKE_DATA_DIR).
export const createPassphrase = (passphrase: string, name: string | null = null) =>
  call("create_passphrase", { passphrase, name });
export const unlock = (journal: string | null, passphrase: string, remember: boolean) =>
  call("unlock", { journal, passphrase, remember });
export const recover = (journal: string | null, code: string, newPassphrase: string) =>
  call("recover", { journal, code, newPassphrase });
export const lock = () => call("lock");
export const changePassphrase = (old: string, next: string) => call("change_passphrase", { old, new: next });
export const setIdleLock = (minutes: number) => call("set_idle_lock", { minutes });

// Backups.
export type { BackupInfo } from "./bindings/BackupInfo";
export type { BackupList } from "./bindings/BackupList";
export type { BackupCheck } from "./bindings/BackupCheck";
export const listBackups = () => call("list_backups");
/** A verified backup now, with its progress (bytes copied); `cancelLongWork` stops it. */
export const backUpNow = (onProgress: (p: Pg) => void) =>
  call("back_up_now", { onProgress: progressChannel(onProgress) });
export const verifyBackup = (fileName: string) =>
  call("verify_backup", { fileName });
export const newestGoodBackup = () => call("newest_good_backup");
export const restoreBackup = (fileName: string) =>
  call("restore_backup", { fileName });
export const setBackupsKeep = (keep: number) => call("set_backups_keep", { keep });

// Reflection spaces: a folder the team already syncs, its members, and what each person shares
// into it. `space` is a space's id; `folder` is a path as the person typed it.
import type { SpaceInfo } from "./bindings/SpaceInfo";
import type { SpaceStatus } from "./bindings/SpaceStatus";
import type { SharedEntryView } from "./bindings/SharedEntryView";
import type { SharePreview } from "./bindings/SharePreview";
import type { CommentView } from "./bindings/CommentView";
import type { Audience } from "./bindings/Audience";
import type { EntryComments } from "./bindings/EntryComments";
import type { ReviewFilter } from "./bindings/ReviewFilter";
import type { ReviewItem } from "./bindings/ReviewItem";
import type { ReviewQueue } from "./bindings/ReviewQueue";
import type { SpaceCounts } from "./bindings/SpaceCounts";
import type { TeamTimeline } from "./bindings/TeamTimeline";
import type { TeamLane } from "./bindings/TeamLane";
import type { TeamNode } from "./bindings/TeamNode";
import type { SyncReport } from "./bindings/SyncReport";
import type { Scope } from "./bindings/Scope";
import type { MemberCard } from "./bindings/MemberCard";
export type { SpaceInfo, SpaceStatus, SharedEntryView, SharePreview, SpaceCounts, SyncReport, Scope, MemberCard, TeamTimeline, TeamLane, TeamNode, CommentView, Audience, EntryComments, ReviewFilter, ReviewItem, ReviewQueue };
export type { CountCell } from "./bindings/CountCell";
export type { FileProblem } from "./bindings/FileProblem";
export type { MemberView } from "./bindings/MemberView";
export type { MissingBundle } from "./bindings/MissingBundle";
export type { ChainBreak } from "./bindings/ChainBreak";
export type { ChainProblem } from "./bindings/ChainProblem";
export type { HeldBack } from "./bindings/HeldBack";
export type { PublicKeys } from "./bindings/PublicKeys";
export { SPACES_READ, onBackendEvent } from "./events";

export const listSpaces = () => call("list_spaces");
export const spaceStatus = (space: string) => call("space_status", { space });
export const spaceEntries = (space: string) => call("space_entries", { space });
export const spaceCounts = (space: string) => call("space_counts", { space });
/** The team's timeline: a lane per initiative the shares name, and the charts. */
export const spaceTimeline = (space: string) => call("space_timeline", { space });
export const spaceComments = (space: string, on: string) => call("space_comments", { space, on });
export const reviewQueue = (space: string, filter: ReviewFilter) => call("review_queue", { space, filter });
/** As the space's facilitator: keep what is shared for `months` (null: as long as the space exists). */
export const setRetention = (space: string, months: number | null) => call("set_retention", { space, months });
/** Marks the reflections the queue showed (their shared ids) as gone through. */
export const markReviewed = (space: string, shown: string[]) => call("mark_reviewed", { space, shown });
export const entryComments = (entry: string) => call("entry_comments", { entry });
export const commentOnShare = (space: string, on: string, replyTo: string | null, text: string, audience: Audience, acceptFindings: boolean) =>
  call("comment_on_share", { space, on, replyTo, text, audience, acceptFindings });
/** Reads what arrived in the space's folder. A bundle withdrawing many records at once waits
 * unless `allowMassWithdrawal`. */
/** Opens the team's shared folder in the system's file manager (the shell finds the folder). */
export const openSpaceFolder = (space: string) => call("open_space_folder", { space });
export const syncSpace = (space: string, allowMassWithdrawal = false) =>
  call("sync_space", { space, allowMassWithdrawal });
/** Shares entries in one bundle; resolves to their shared ids. A CPR number or a never-store
 * word refuses the share (`personal_data`, `field` names where); a phone number or an e-mail
 * address refuses it unless `acceptFindings`. */
export const shareEntries = (space: string, entries: string[], scope: Scope, acceptFindings: boolean) =>
  call("share_entries", { space, entries, scope, acceptFindings });
/** What sharing `entry` into `space` with `scope` sends, as the core builds it, and the name it goes under. */
export const sharePreview = (space: string, entry: string, scope: Scope) => call("share_preview", { space, entry, scope });
export const withdrawShare = (space: string, sharedId: string) => call("withdraw_share", { space, sharedId });
export const memberCard = (name: string) => call("member_card", { name });
/** Resolves to the new space's id; this journal leads it as `leadName`. */
export const createSpace = (name: string, leadName: string, folder: string) =>
  call("create_space", { name, leadName, folder });
/** `card`: the pasted card JSON or `EFTERTANKE-CARD-1:` code. Resolves to the new roster epoch. */
export const inviteMember = (space: string, card: string) => call("invite_member", { space, card });
/** `member`: a display name or a fingerprint. Resolves to the new roster epoch. */
export const removeMember = (space: string, member: string) => call("remove_member", { space, member });
/** The spaces joined now; empty when no roster in `folder` names this journal yet. */
export const joinSpaces = (folder: string, lead: string) => call("join_spaces", { folder, lead });

// The team's reflection session: the lead's marks, what the next session opens with, the
// session's record, the actions it decides, and a session as a document.
import type { Mark } from "./bindings/Mark";
import type { SessionAgenda } from "./bindings/SessionAgenda";
import type { SessionDraft } from "./bindings/SessionDraft";
import type { SessionView } from "./bindings/SessionView";
import type { ItemView } from "./bindings/ItemView";
import type { TeamAction } from "./bindings/TeamAction";
export type { Mark, SessionAgenda, SessionDraft, SessionView, ItemView, TeamAction };
export type { ItemStatus } from "./bindings/ItemStatus";
export type { ItemKind } from "./bindings/ItemKind";
export type { Verdict } from "./bindings/Verdict";
export type { CarriedStatus } from "./bindings/CarriedStatus";
export type { NewItem } from "./bindings/NewItem";
export type { MaterialView } from "./bindings/MaterialView";
export type { TeamChart } from "./bindings/TeamChart";
export type { TeamGuide } from "./bindings/TeamGuide";
export type { TeamQuestion } from "./bindings/TeamQuestion";

/** As team lead: takes a shared reflection to the next session (`agenda`) or marks it seen;
 * `set` false takes the mark back. */
export const markShared = (space: string, on: string, mark: Mark, set: boolean) => call("mark_shared", { space, on, mark, set });
/** The comments on `on` were opened: none of them is new any more. */
export const markThreadRead = (space: string, on: string) => call("mark_thread_read", { space, on });
export const sessionAgenda = (space: string) => call("session_agenda", { space });
/** As team lead: records and publishes the session by the core's rules; resolves to its id. */
export const recordSession = (space: string, draft: SessionDraft, acceptFindings: boolean) =>
  call("record_session", { space, draft, acceptFindings });
export const spaceSessions = (space: string) => call("space_sessions", { space });
export const spaceActions = (space: string) => call("space_actions", { space });
/** The open actions this journal owns in its spaces; `due` when their review date has come. */
export const teamActions = (today: string) => call("team_actions", { today });
export const sessionMarkdown = (space: string, session: string, locale: Locale) =>
  call("session_markdown", { space, session, locale });
export const suggestedSessionPath = (heldOn: string, locale: Locale) => call("suggested_session_path", { heldOn, locale });
export const saveSessionDocument = (space: string, session: string, locale: Locale, path: string) =>
  call("save_session_document", { space, session, locale, path });
/** Keeps the session flow's state (JSON) as it is typed; `sessionDraft` reads it back. */
export const saveSessionDraft = (space: string, draft: string) => call("save_session_draft", { space, draft });
export const sessionDraft = (space: string) => call("session_draft", { space });
