//! Comments on a shared reflection: one writer per message, a thread by answers naming the
//! comment they answer. A comment is for the team (every member of the epoch can read it) or
//! for the author only: then its bundle is encrypted to the reflection's author, the leads and
//! the writer alone, so another member's journal never holds it in a form it can read.
//!
//! On a reflection shared without a name, its author answers as "the author": the comment is
//! written anonymously, signed with the share's own key (so readers see it comes from whoever
//! shared the reflection, and from nobody else), its id and time cut to the day, for the team.
//! It never carries their name. An anonymous comment by anyone else is not shown.

use super::format::keys::{RecordKey, anonymous_writer};
use super::format::record::{COMMENT, ENTRY, Record, Scope};
use super::share::{Outgoing, guard, stamp};
use crate::Store;
use crate::error::{Error, Problem, Result};
use crate::store::spaces::{Space, SpaceInfo, member_name};
use crate::text_rules::{check_long, is_blank};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use ts_rs::TS;

/// The longest comment, in characters: a few paragraphs, not an essay.
pub const MAX_COMMENT_CHARS: usize = 4000;

/// Who a comment is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Every member of the space.
    Team,
    /// The reflection's author and the leads.
    Author,
}

impl Audience {
    fn code(self) -> &'static str {
        match self {
            Audience::Team => "team",
            Audience::Author => "author",
        }
    }
}

/// One comment as this journal holds it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommentView {
    pub id: String,
    /// The shared reflection it is about.
    pub on: String,
    /// The comment it answers, in a thread.
    pub reply_to: Option<String>,
    /// The writer's display name in the space (empty for the author of a reflection shared
    /// without a name, who writes as "the author").
    pub author: String,
    /// Written by the reflection's author without their name: shown as "the author".
    pub by_author: bool,
    /// Written by this journal.
    pub mine: bool,
    pub audience: Audience,
    pub text: String,
    /// As the writer's computer stamped it: shown as written, never used for order.
    pub written_at: String,
    /// Another's comment that reached this journal after it last opened the thread.
    pub new: bool,
}

/// The comments on one of this journal's own reflections in one space, found through the
/// private map from the reflection to what it was shared as.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntryComments {
    pub space: SpaceInfo,
    /// What the reflection was shared as there.
    pub shared_id: String,
    pub scope: Scope,
    pub comments: Vec<CommentView>,
}

impl Store {
    /// The comments on this journal's reflection `entry`, in every space it is shared in now
    /// (withdrawn shares left out), spaces by name.
    pub fn entry_comments(&self, entry: crate::EntryId) -> Result<Vec<EntryComments>> {
        let shares = self.commentable_shares_of(entry)?;
        let mut out = Vec::new();
        for (space, shared_id, scope) in shares {
            let Some(scope) = Scope::from_code(&scope) else {
                continue;
            };
            let comments = self.space_comments(&space, &shared_id)?;
            out.push(EntryComments {
                space: self.space(&space)?.info,
                shared_id,
                scope,
                comments,
            });
        }
        out.sort_by(|a, b| a.space.name.cmp(&b.space.name).then(a.space.id.cmp(&b.space.id)));
        Ok(out)
    }

    /// Writes a comment on the shared reflection `on` (or an answer to the comment
    /// `reply_to` there) for the team or for its author only; returns the comment's id. The
    /// guard runs on the text as on a share: a CPR number or a never-store word blocks, other
    /// findings block unless `accept_findings`. An author-only comment needs a reflection
    /// shared by name (a share without a name has no author to write to).
    pub fn comment(
        &mut self,
        space: &str,
        on: &str,
        reply_to: Option<&str>,
        text: &str,
        audience: Audience,
        accept_findings: bool,
    ) -> Result<String> {
        let s = self.member_space(space)?;
        let me = s.keys.public().key_id();
        let on = on.trim();
        let target = self
            .live_of(&s.info.id, ENTRY)?
            .into_iter()
            .find(|l| l.version.id == on && l.scope != Scope::Aggregate)
            .ok_or_else(|| Error::NotFound {
                what: "shared reflection",
                id: on.to_owned(),
            })?;
        // On one's own share without a name, a comment is written as "the author", signed with
        // the share's own key: never with this journal's name.
        let own_unnamed = self.live_unnamed_share(&s.info.id, on)?;
        if own_unnamed.is_some() && audience == Audience::Author {
            return Err(Error::invalid(
                "audience",
                Problem::UnknownValue,
                "you shared this reflection without your name: you answer it as its author, to the team",
            ));
        }
        if let Some(parent) = reply_to {
            let thread = self.space_comments(&s.info.id, on)?;
            let Some(parent) = thread.iter().find(|c| c.id == parent.trim()) else {
                return Err(Error::NotFound {
                    what: "comment on this reflection",
                    id: parent.trim().to_owned(),
                });
            };
            // What was said to the author alone is not answered in front of the team.
            if parent.audience == Audience::Author && audience == Audience::Team {
                return Err(Error::invalid(
                    "audience",
                    Problem::UnknownValue,
                    "that comment was for the author and the lead only; an answer to it stays between them",
                ));
            }
        }
        let text = check_long(text).map_err(|r| Error::invalid("text", Problem::Malformed, r.message()))?;
        let text = text.trim().to_owned();
        if is_blank(&text) {
            return Err(Error::invalid("text", Problem::Required, "write the comment first"));
        }
        if text.chars().count() > MAX_COMMENT_CHARS {
            return Err(Error::invalid(
                "text",
                Problem::TooLong,
                format!("a comment holds at most {MAX_COMMENT_CHARS} characters"),
            ));
        }
        let readers = match audience {
            Audience::Team => None,
            Audience::Author => {
                let author = target.version.author_key.clone().ok_or_else(|| {
                    Error::invalid(
                        "audience",
                        Problem::UnknownValue,
                        "this reflection was shared without a name: a comment on it can go to the team only",
                    )
                })?;
                let mut ids: Vec<String> = s.roster.leads().map(|l| l.keys.key_id()).collect();
                ids.push(author);
                ids.push(me.clone());
                if ids.iter().any(|id| s.roster.member_by_key(id).is_none()) {
                    return Err(Error::invalid(
                        "audience",
                        Problem::UnknownValue,
                        "the reflection's author is no longer in the space: write to the team instead",
                    ));
                }
                Some(ids)
            }
        };
        let body = json!({
            "on": on,
            "reply_to": reply_to.map(str::trim),
            "audience": audience.code(),
            "text": text,
        });
        // The person's words only: the ids beside them are random, and a run of their digits
        // can read as a phone number.
        guard(&json!({ "text": text }), &self.never_store_words()?, accept_findings)?;
        if let Some(seed) = own_unnamed {
            let key = seed
                .map(|k| RecordKey::from_seed(&k))
                .transpose()?
                .ok_or_else(|| Error::internal("an anonymous share without its key"))?;
            return self.comment_as_author(&s, key, body);
        }
        let id = uuid::Uuid::now_v7().to_string();
        let record = Record {
            kind: COMMENT.into(),
            id: id.clone(),
            revision: 1,
            updated_at: stamp(crate::time::now(), Scope::Named),
            deleted: false,
            scope: Some(Scope::Named),
            body,
            rest: Default::default(),
        };
        let out = vec![Outgoing {
            record,
            entry: None,
            key: None,
        }];
        self.publish(&s, out, false, readers.as_deref())?;
        Ok(id)
    }

    /// A comment by the author of a reflection shared without a name, as "the author": signed
    /// with the share's own key, its id's time and its stamp cut to the day.
    fn comment_as_author(&mut self, s: &Space, key: RecordKey, body: Value) -> Result<String> {
        let today = crate::time::now().date_naive();
        let midnight = today.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc().timestamp();
        let at = uuid::Timestamp::from_unix(uuid::NoContext, u64::try_from(midnight).unwrap_or(0), 0);
        let id = uuid::Uuid::new_v7(at).to_string();
        let record = Record {
            kind: COMMENT.into(),
            id: id.clone(),
            revision: 1,
            updated_at: stamp(crate::time::now(), Scope::Anonymous),
            deleted: false,
            scope: Some(Scope::Anonymous),
            body,
            rest: Default::default(),
        };
        let out = vec![Outgoing {
            record,
            entry: None,
            key: Some(key),
        }];
        self.publish(s, out, true, None)?;
        Ok(id)
    }

    /// The comments this journal can read on the shared reflection `on`, in the order they
    /// were written (their ids are UUIDv7; the clocks of the writers' computers decide
    /// nothing), answers after what they answer.
    pub fn space_comments(&self, space: &str, on: &str) -> Result<Vec<CommentView>> {
        let s = self.space(space)?;
        let me = s.keys.public().key_id();
        let names = self.names(&s.info.id)?;
        let new = self.unread_comments(&s.info.id, &me)?;
        // Who wrote the reflection, when it was shared without a name: its own key's writer.
        // (One row asked for, not every shared record parsed: a thread opens on each click.)
        let share = self.unnamed_share_writer(&s.info.id, on.trim())?;
        let mine_unnamed = self.my_anonymous_writers(&s.info.id)?;
        let mut out: Vec<CommentView> = self
            .live_of(&s.info.id, COMMENT)?
            .into_iter()
            .filter(|l| l.record.body.get("on").and_then(Value::as_str) == Some(on.trim()))
            .filter_map(|l| {
                let body = &l.record.body;
                let text = body.get("text").and_then(Value::as_str)?.to_owned();
                // Without a name, only the reflection's own author is shown, as "the author".
                let by_author = l.version.author_key.is_none();
                if by_author && share.as_deref() != Some(l.version.writer.as_str()) {
                    return None;
                }
                let key = l.version.author_key.clone().unwrap_or_default();
                Some(CommentView {
                    on: on.trim().to_owned(),
                    reply_to: body.get("reply_to").and_then(Value::as_str).map(str::to_owned),
                    author: if by_author {
                        String::new()
                    } else {
                        member_name(&names, &key)
                    },
                    by_author,
                    mine: if by_author {
                        mine_unnamed.contains(&l.version.writer)
                    } else {
                        key == me
                    },
                    audience: match body.get("audience").and_then(Value::as_str) {
                        Some("author") => Audience::Author,
                        _ => Audience::Team,
                    },
                    text,
                    written_at: l.record.updated_at.clone(),
                    new: new.iter().any(|(_, id)| *id == l.version.id),
                    id: l.version.id,
                })
            })
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(threaded(out))
    }
}

impl Store {
    /// The writers this journal's shares without a name (and its comments on them) go under.
    fn my_anonymous_writers(&self, space: &str) -> Result<std::collections::BTreeSet<String>> {
        self.my_share_seeds(space)?
            .iter()
            .map(|seed| Ok(anonymous_writer(&RecordKey::from_seed(seed)?.public())))
            .collect()
    }

    /// Others' comments merged after this journal last opened their thread, as (the shared
    /// reflection, the comment) pairs: what the quiet "new" marks.
    /// `me` is this journal's key id in the space (its own comments are never new).
    pub(crate) fn unread_comments(&self, space: &str, me: &str) -> Result<Vec<(String, String)>> {
        let mine = self.my_anonymous_writers(space)?;
        let all = self.comments_after_read(space, me)?;
        Ok(all
            .into_iter()
            .filter(|(_, _, writer)| !mine.contains(writer))
            .map(|(on, id, _)| (on, id))
            .collect())
    }

    /// Marks the comments this journal holds on the shared reflection `on` as read.
    pub fn mark_thread_read(&mut self, space: &str, on: &str) -> Result<()> {
        let s = self.space(space)?;
        self.note_thread_read(&s.info.id, on.trim())
    }
}

/// Comments in the order written, each answer right after the comment it answers (and its
/// earlier answers); an answer to a comment this journal cannot read stays in written order.
fn threaded(comments: Vec<CommentView>) -> Vec<CommentView> {
    let known: std::collections::BTreeSet<String> = comments.iter().map(|c| c.id.clone()).collect();
    let mut children: BTreeMap<String, Vec<CommentView>> = BTreeMap::new();
    let mut roots = Vec::new();
    for c in comments {
        match c.reply_to.clone().filter(|p| known.contains(p)) {
            Some(parent) => children.entry(parent).or_default().push(c),
            None => roots.push(c),
        }
    }
    fn walk(c: CommentView, children: &mut BTreeMap<String, Vec<CommentView>>, out: &mut Vec<CommentView>) {
        let answers = children.remove(&c.id).unwrap_or_default();
        out.push(c);
        for a in answers {
            walk(a, children, out);
        }
    }
    let mut out = Vec::new();
    for r in roots {
        walk(r, &mut children, &mut out);
    }
    out
}
