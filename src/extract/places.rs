//! Countries and continents by their English names (`models/places.txt`; `models/README.md`
//! says how it is made): a speaker one of them names speaks for a state, a team or a people,
//! never as a person (`China says`, `Europe has warned`).

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::linear::Fnv;

const LIST: &str = include_str!("../../models/places.txt");

/// Whether `name` (as the article writes it) is a country or a continent.
pub fn is_country_or_continent(name: &str) -> bool {
    static NAMES: OnceLock<HashSet<&'static str, BuildHasherDefault<Fnv>>> = OnceLock::new();
    NAMES.get_or_init(|| LIST.lines().collect()).contains(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_countries_by_their_common_names_and_continents() {
        assert!(is_country_or_continent("South Korea") && is_country_or_continent("Britain"));
        assert!(is_country_or_continent("Europe") && is_country_or_continent("Iran"));
        assert!(!is_country_or_continent("Korea, Republic of") && !is_country_or_continent("Acme"));
    }
}
