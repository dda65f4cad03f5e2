//! Speaker curation: aliases, merges, renames, and duplicate suggestions. Curated names live in
//! `speaker_aliases`, which the writer consults before it creates a speaker, so curation
//! survives re-ingest and `reextract`.

use std::collections::HashMap;

use anyhow::{bail, Result};
use rusqlite::{params, OptionalExtension};

use super::filters::{lookup_key, Named};
use crate::store::Store;

/// Two speaker records that look like one person. Never acted on without the user.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateSuggestion {
    /// The one to keep: the fuller name, then the one with more quotes.
    pub keep: Named,
    pub other: Named,
    pub keep_quotes: i64,
    pub other_quotes: i64,
    /// Jaro-Winkler similarity of the two keys.
    pub similarity: f64,
    pub reason: &'static str,
}

/// What a merge moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub keep: Named,
    pub other: Named,
    pub quotes: usize,
    pub claims: usize,
}

/// How the first names of two people with the same surname relate, if one can be a shorter
/// form of the other: the same name, its initial (`T`, `Tony`) or a short form that the
/// whole name starts with (`Vince`, `Vincent`). Two different words are two names however
/// alike they look (`Tim`, `Time`; `Carol`, `Carole`): no spelling is corrected.
fn first_names_fit(a: &str, b: &str) -> Option<&'static str> {
    if a == b {
        return Some("same first and last name");
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if !long.starts_with(short) {
        return None;
    }
    match short.chars().count() {
        1 => Some("initial of the same first name"),
        // Two letters or more past the short form: `Tim` in `Timothy`, not in `Time`.
        n if n >= 3 && long.chars().count() >= n + 2 => Some("short form of the first name"),
        _ => None,
    }
}

/// Which of two records of one person to keep: the fuller name (a first name over a surname
/// alone, a whole first name over its initial or short form, then more words), then the one
/// with more quotes.
fn fullness(key: &str, quotes: i64) -> (bool, usize, usize, i64) {
    let words = key.split(' ').count();
    let first = if words > 1 {
        key.split(' ').next().unwrap_or_default().chars().count()
    } else {
        0
    };
    (words > 1, first, words, quotes)
}

/// Surnames shared by more records than this are too common to compare pairwise.
const LARGEST_SURNAME_GROUP: usize = 300;

impl Store {
    /// The one speaker a name means, for curation: an exact name, alias or `#ID` first, then a
    /// whole-word match if only one speaker has it. Several candidates is an error that lists
    /// them; none is a [`NoSpeaker`](super::NoSpeaker) error with the closest names.
    pub fn speaker_by_name(&self, name: &str) -> Result<Named> {
        if let Some(id) = name
            .trim()
            .strip_prefix('#')
            .and_then(|n| n.parse::<i64>().ok())
        {
            let found = self
                .conn
                .query_row("SELECT name FROM speakers WHERE id = ?1", [id], |row| {
                    row.get(0)
                })
                .optional()?;
            return match found {
                Some(name) => Ok(Named { id, name }),
                None => bail!("no speaker #{id}"),
            };
        }
        let mut found = self.find_speakers(name, true)?;
        if found.is_empty() {
            found = self.find_speakers(name, false)?;
        }
        match found.len() {
            0 => Err(self.no_speaker(name)?.into()),
            1 => Ok(found.remove(0)),
            n => bail!(
                "{name:?} matches {n} speakers: {}; give the full name or #ID",
                describe(&found)
            ),
        }
    }

    /// Makes `alias` another name of the speaker `name` means.
    pub fn add_alias(&mut self, name: &str, alias: &str) -> Result<Named> {
        let speaker = self.speaker_by_name(name)?;
        let key = lookup_key(alias);
        if key.is_empty() {
            bail!("the alias {alias:?} has no letters or digits");
        }
        let tx = self.conn.transaction()?;
        if let Some(owner) = speaker_with_key(&tx, &key)? {
            if owner.id == speaker.id {
                bail!("{alias:?} already is the name of {}", speaker.name);
            }
            bail!(
                "{alias:?} is the speaker {} (#{}) of its own; to make them one run: \
                 newsclaims speakers merge \"#{}\" \"#{}\"",
                owner.name,
                owner.id,
                speaker.id,
                owner.id
            );
        }
        if let Some(owner) = alias_owner(&tx, &key)? {
            if owner.id != speaker.id {
                bail!(
                    "{alias:?} already is an alias of {} (#{})",
                    owner.name,
                    owner.id
                );
            }
        }
        tx.execute(
            "INSERT INTO speaker_aliases (key, alias, speaker_id, origin) VALUES (?1, ?2, ?3, 'user')
             ON CONFLICT (key) DO UPDATE SET alias = excluded.alias",
            params![key, alias.trim(), speaker.id],
        )?;
        tx.execute(
            "UPDATE speakers SET curated = 1 WHERE id = ?1",
            [speaker.id],
        )?;
        tx.commit()?;
        Ok(speaker)
    }

    /// Two records of one person: `other`'s quotes, claims, name and aliases go to `keep`.
    pub fn merge_speakers(&mut self, keep: &str, other: &str) -> Result<Merged> {
        let keep = self.speaker_by_name(keep)?;
        let other = self.speaker_by_name(other)?;
        if keep.id == other.id {
            bail!("{} and {} are the same speaker", keep.name, other.name);
        }
        let tx = self.conn.transaction()?;
        let quotes = tx.execute(
            "UPDATE quotes SET speaker_id = ?1 WHERE speaker_id = ?2",
            [keep.id, other.id],
        )?;
        let claims = tx.execute(
            "UPDATE claims SET speaker_id = ?1 WHERE speaker_id = ?2",
            [keep.id, other.id],
        )?;
        tx.execute(
            "UPDATE speaker_aliases SET speaker_id = ?1, origin = 'merge' WHERE speaker_id = ?2",
            [keep.id, other.id],
        )?;
        tx.execute(
            "INSERT INTO speaker_aliases (key, alias, speaker_id, origin)
             SELECT key, name, ?1, 'merge' FROM speakers WHERE id = ?2
             ON CONFLICT (key) DO UPDATE SET speaker_id = excluded.speaker_id, origin = 'merge'",
            [keep.id, other.id],
        )?;
        tx.execute(
            "UPDATE speakers SET curated = 1,
                 role = coalesce(role, (SELECT role FROM speakers WHERE id = ?2))
             WHERE id = ?1",
            [keep.id, other.id],
        )?;
        tx.execute("DELETE FROM speakers WHERE id = ?1", [other.id])?;
        tx.commit()?;
        Ok(Merged {
            keep,
            other,
            quotes,
            claims,
        })
    }

    /// Gives a speaker a new name; the old one stays as an alias.
    pub fn rename_speaker(&mut self, name: &str, new_name: &str) -> Result<Named> {
        let speaker = self.speaker_by_name(name)?;
        let new_name = new_name.trim();
        let new_key = lookup_key(new_name);
        if new_key.is_empty() {
            bail!("the new name {new_name:?} has no letters or digits");
        }
        let tx = self.conn.transaction()?;
        if let Some(owner) = speaker_with_key(&tx, &new_key)? {
            if owner.id != speaker.id {
                bail!(
                    "{new_name:?} is the speaker {} (#{}); to make them one run: \
                     newsclaims speakers merge \"#{}\" \"#{}\"",
                    owner.name,
                    owner.id,
                    owner.id,
                    speaker.id
                );
            }
        }
        if let Some(owner) = alias_owner(&tx, &new_key)? {
            if owner.id != speaker.id {
                bail!("{new_name:?} is an alias of {} (#{})", owner.name, owner.id);
            }
        }
        // The new key becomes the speaker's own; the old key turns into an alias.
        tx.execute(
            "DELETE FROM speaker_aliases WHERE key = ?1 AND speaker_id = ?2",
            params![new_key, speaker.id],
        )?;
        tx.execute(
            "INSERT INTO speaker_aliases (key, alias, speaker_id, origin)
             SELECT key, name, id, 'rename' FROM speakers WHERE id = ?1 AND key <> ?2
             ON CONFLICT (key) DO UPDATE SET speaker_id = excluded.speaker_id, origin = 'rename'",
            params![speaker.id, new_key],
        )?;
        tx.execute(
            "UPDATE speakers SET name = ?1, key = ?2, curated = 1 WHERE id = ?3",
            params![new_name, new_key, speaker.id],
        )?;
        tx.commit()?;
        Ok(speaker)
    }

    /// People whose records are likely one person: same surname and a first name that fits
    /// (the same, its initial, or a short form of it), or a surname alone that only one full
    /// name in the archive carries.
    pub fn suggest_duplicates(&self) -> Result<Vec<DuplicateSuggestion>> {
        let mut stmt = self.conn.prepare(
            "SELECT sp.id, sp.name, sp.key, coalesce(q.n, 0) FROM speakers sp
             LEFT JOIN (SELECT speaker_id, count(*) AS n FROM quotes GROUP BY speaker_id) q
                    ON q.speaker_id = sp.id
             WHERE sp.kind = 'person' ORDER BY sp.id",
        )?;
        let mut by_surname: HashMap<String, Vec<(Named, String, i64)>> = HashMap::new();
        let rows = stmt.query_map([], |row| {
            Ok((
                Named {
                    id: row.get(0)?,
                    name: row.get(1)?,
                },
                row.get::<_, String>(2)?,
                row.get::<_, i64>(3)?,
            ))
        })?;
        for row in rows {
            let (named, key, quotes) = row?;
            if let Some(surname) = key.rsplit(' ').next() {
                by_surname
                    .entry(surname.to_string())
                    .or_default()
                    .push((named, key, quotes));
            }
        }
        let mut suggestions = Vec::new();
        for group in by_surname.values() {
            if group.len() < 2 || group.len() > LARGEST_SURNAME_GROUP {
                continue;
            }
            let full_names = group.iter().filter(|(_, key, _)| key.contains(' ')).count();
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    let first_a = a.1.split(' ').next().unwrap_or_default();
                    let first_b = b.1.split(' ').next().unwrap_or_default();
                    let reason = match (a.1.contains(' '), b.1.contains(' ')) {
                        (true, true) => first_names_fit(first_a, first_b),
                        (false, false) => None,
                        _ => (full_names == 1).then_some("surname alone"),
                    };
                    let Some(reason) = reason else { continue };
                    let (keep, other) = if fullness(&b.1, b.2) > fullness(&a.1, a.2) {
                        (b, a)
                    } else {
                        (a, b)
                    };
                    suggestions.push(DuplicateSuggestion {
                        keep: keep.0.clone(),
                        other: other.0.clone(),
                        keep_quotes: keep.2,
                        other_quotes: other.2,
                        similarity: strsim::jaro_winkler(&a.1, &b.1),
                        reason,
                    });
                }
            }
        }
        suggestions.sort_by(|x, y| {
            y.similarity
                .total_cmp(&x.similarity)
                .then_with(|| x.keep.name.cmp(&y.keep.name))
                .then_with(|| x.other.name.cmp(&y.other.name))
        });
        Ok(suggestions)
    }
}

/// `Name (#id), Name (#id)`, for messages about several speakers.
pub fn describe(speakers: &[Named]) -> String {
    let names: Vec<String> = speakers
        .iter()
        .map(|s| format!("{} (#{})", s.name, s.id))
        .collect();
    names.join(", ")
}

fn speaker_with_key(conn: &rusqlite::Connection, key: &str) -> Result<Option<Named>> {
    Ok(conn
        .query_row(
            "SELECT id, name FROM speakers WHERE key = ?1",
            [key],
            Named::from_row,
        )
        .optional()?)
}

fn alias_owner(conn: &rusqlite::Connection, key: &str) -> Result<Option<Named>> {
    Ok(conn
        .query_row(
            "SELECT sp.id, sp.name FROM speaker_aliases al JOIN speakers sp ON sp.id = al.speaker_id
             WHERE al.key = ?1",
            [key],
            Named::from_row,
        )
        .optional()?)
}
