//! First names people are given, with how often each went to girls and to boys: US Social
//! Security records 1880-2017 (public domain), the names given at least 1,000 times
//! (`models/first-names.tsv`; `models/README.md` says how it is made). A first name tells where
//! a person's name starts after a role (`NASA Administrator Jim Bridenstine`) and whether `he`
//! or `she` may refer to them.

use std::sync::OnceLock;

use super::linear::FnvMap;
use super::text::lower;

const TABLE: &str = include_str!("../../models/first-names.tsv");

/// Births as (female, male), by name in lower case.
fn table() -> &'static FnvMap<String, (u32, u32)> {
    static TABLE_MAP: OnceLock<FnvMap<String, (u32, u32)>> = OnceLock::new();
    TABLE_MAP.get_or_init(|| {
        TABLE
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let name = fields.next()?.to_lowercase();
                let female = fields.next()?.parse().ok()?;
                let male = fields.next()?.parse().ok()?;
                Some((name, (female, male)))
            })
            .collect()
    })
}

fn births(word: &str) -> Option<(u32, u32)> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut buf = [0u8; 32];
    match lower(word, &mut buf) {
        Some(w) => table().get(w),
        None => table().get(&word.to_lowercase()),
    }
    .copied()
}

/// Whether a capitalised word is a first name people are given (`Eva-Marie` when `Eva` is).
pub fn is_first_name(word: &str) -> bool {
    births(word).is_some()
        || word
            .split_once('-')
            .is_some_and(|(first, _)| births(first).is_some())
}

/// Whether a capitalised word is a first name given at least 10,000 times: `June`, `May`
/// and `August` are names as often as months, `December` and `Sunday` rarely.
pub fn is_common_first_name(word: &str) -> bool {
    births(word).is_some_and(|(female, male)| female + male >= 10_000)
}

/// The share of the people with this first name who are women, when it is one.
pub fn female_share(word: &str) -> Option<f32> {
    let (female, male) = births(word)?;
    Some(female as f32 / (female + male).max(1) as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_first_names_and_their_gender() {
        assert!(is_first_name("Jennifer") && is_first_name("Robert"));
        assert!(!is_first_name("Superintendent") && !is_first_name("Administrator"));
        assert!(!is_first_name("jennifer"), "a name is capitalised");
        assert!(is_first_name("Eva-Marie"));
        assert!(female_share("Jennifer").unwrap() > 0.95);
        assert!(female_share("Robert").unwrap() < 0.05);
        assert_eq!(female_share("Bridenstine"), None);
    }
}
