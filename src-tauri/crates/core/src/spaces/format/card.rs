//! A member card: what a worker hands the team lead to be added to a space — the display name
//! they chose (a role or a first name), their public keys and the fingerprint to compare
//! aloud. As a file (JSON) or as one line to paste (`EFTERTANKE-CARD-1:` and base64url).

use super::keys::PublicKeys;
use crate::error::{Error, Problem, Result};
use data_encoding::BASE64URL_NOPAD;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const KIND: &str = "eftertanke-member-card";
const VERSION: u32 = 1;
const CODE_PREFIX: &str = "EFTERTANKE-CARD-1:";
/// A card is a few hundred bytes; anything much larger is not one.
const MAX_BYTES: usize = 8 * 1024;
/// The longest display name (a role or a first name, not a signature block).
pub const MAX_NAME_CHARS: usize = 60;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MemberCard {
    pub kind: String,
    pub version: u32,
    pub name: String,
    pub keys: PublicKeys,
    pub fingerprint: String,
}

impl MemberCard {
    pub fn new(name: &str, keys: PublicKeys) -> Result<Self> {
        let name = check_name(name)?;
        Ok(Self {
            kind: KIND.into(),
            version: VERSION,
            fingerprint: keys.fingerprint(),
            name,
            keys,
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The card as one line to paste into a message.
    pub fn to_code(&self) -> String {
        format!(
            "{CODE_PREFIX}{}",
            BASE64URL_NOPAD.encode(serde_json::to_string(self).unwrap_or_default().as_bytes())
        )
    }

    /// A card as a file or a pasted code holds it, checked: its kind, a version this build reads,
    /// a name, keys that parse, and a fingerprint that matches them (a typo or a changed key
    /// is refused, not imported).
    pub fn parse(text: &str) -> Result<Self> {
        let bad = |why: &str| Error::invalid("card", Problem::Malformed, why.to_owned());
        if text.len() > MAX_BYTES {
            return Err(bad("this is too large to be a member card"));
        }
        let text = text.trim();
        let json = match text.strip_prefix(CODE_PREFIX) {
            Some(code) => {
                let bytes = BASE64URL_NOPAD
                    .decode(code.trim().as_bytes())
                    .map_err(|_| bad("the pasted code is cut short or changed; ask for it again"))?;
                String::from_utf8(bytes).map_err(|_| bad("the pasted code is not a member card"))?
            }
            None => text.to_owned(),
        };
        let value: serde_json::Value =
            serde_json::from_str(&json).map_err(|_| bad("this is not a member card (not JSON)"))?;
        if value.get("kind").and_then(|k| k.as_str()) != Some(KIND) {
            return Err(bad("this is not an Eftertanke member card"));
        }
        if value
            .get("version")
            .and_then(|v| v.as_u64())
            .is_some_and(|v| v > u64::from(VERSION))
        {
            return Err(bad("this card was made by a newer Eftertanke; update to read it"));
        }
        let card: MemberCard =
            serde_json::from_value(value).map_err(|e| bad(&format!("the card is incomplete: {e}")))?;
        check_name(&card.name)?;
        card.keys.check("card")?;
        if card.fingerprint != card.keys.fingerprint() {
            return Err(bad(
                "the card's fingerprint does not match its keys; ask for the card again",
            ));
        }
        Ok(card)
    }
}

/// A display name: one line, not blank, at most [`MAX_NAME_CHARS`].
pub fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    crate::text_rules::check_line(name).map_err(|r| Error::invalid("name", Problem::Malformed, r.message()))?;
    if crate::text_rules::is_blank(name) {
        return Err(Error::invalid(
            "name",
            Problem::Required,
            "a display name is needed (a role or a first name)",
        ));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(Error::invalid(
            "name",
            Problem::TooLong,
            format!("a display name is at most {MAX_NAME_CHARS} characters"),
        ));
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spaces::format::keys::MemberKeys;

    #[test]
    fn a_card_reads_back_as_a_file_and_as_a_code_and_refuses_changes() {
        let keys = MemberKeys::generate().unwrap();
        let card = MemberCard::new("Sara, SSA", keys.public()).unwrap();
        assert_eq!(MemberCard::parse(&card.to_json()).unwrap(), card);
        assert_eq!(MemberCard::parse(&format!("  {}\n", card.to_code())).unwrap(), card);
        let other = MemberKeys::generate().unwrap();
        let mut swapped = card.clone();
        swapped.keys = other.public();
        assert!(
            MemberCard::parse(&swapped.to_json())
                .unwrap_err()
                .to_string()
                .contains("fingerprint")
        );
        let code = card.to_code();
        assert!(MemberCard::parse(&code[..code.len() - 5]).is_err());
        assert!(
            MemberCard::parse("{\"kind\":\"eftertanke-member-card\",\"version\":9}")
                .unwrap_err()
                .to_string()
                .contains("newer")
        );
        assert!(MemberCard::parse("hello").is_err());
        assert!(MemberCard::new("  ", keys.public()).is_err());
        assert!(MemberCard::new("a\u{1b}[2Jb", keys.public()).is_err());
    }
}
