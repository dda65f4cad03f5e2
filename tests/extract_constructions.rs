//! One test per attribution construction, on invented sentences.

use newsclaims::extract::extract;
use newsclaims::model::{Article, ClaimKind, Extraction, SpeakerKind};

fn run(body: &str) -> Extraction {
    let article = Article {
        body: body.to_string(),
        ..Default::default()
    };
    let out = extract(&article);
    check_offsets(body, &out);
    out
}

fn check_offsets(body: &str, out: &Extraction) {
    let slice = |s: usize, e: usize| body.chars().skip(s).take(e - s).collect::<String>();
    for q in &out.quotes {
        assert_eq!(slice(q.start, q.end), q.text);
        assert!(q.speaker < out.speakers.len());
    }
    for c in &out.claims {
        assert_eq!(slice(c.start, c.end), c.content);
        assert!(c.speaker < out.speakers.len());
    }
}

/// (speaker, text) of every quote.
fn quotes(out: &Extraction) -> Vec<(String, String)> {
    out.quotes
        .iter()
        .map(|q| (out.speakers[q.speaker].name.clone(), q.text.clone()))
        .collect()
}

/// (speaker, content, kind) of every claim.
fn claims(out: &Extraction) -> Vec<(String, String, ClaimKind)> {
    out.claims
        .iter()
        .map(|c| {
            (
                out.speakers[c.speaker].name.clone(),
                c.content.clone(),
                c.kind,
            )
        })
        .collect()
}

/// (speaker, content) of every claim.
fn claim_pairs(out: &Extraction) -> Vec<(String, String)> {
    claims(out).into_iter().map(|(s, c, _)| (s, c)).collect()
}

/// Each body holds exactly one claim: (body, speaker, content).
fn one_claim_each(cases: &[(&str, &str, &str)]) {
    for &(body, speaker, content) in cases {
        assert_eq!(claim_pairs(&run(body)), [pair(speaker, content)], "{body}");
    }
}

fn pair(speaker: &str, text: &str) -> (String, String) {
    (speaker.to_string(), text.to_string())
}

#[test]
fn quote_then_name_said() {
    let out = run("\"The bridge will open in May,\" Lena Ortiz said.");
    assert_eq!(
        quotes(&out),
        [pair("Lena Ortiz", "The bridge will open in May")]
    );
    assert_eq!(out.claims[0].kind, ClaimKind::Direct);
    assert_eq!(out.claims[0].cue, "said");
}

#[test]
fn quote_then_said_role_and_name() {
    let out = run("“Prices will keep rising,” warned grain trader Tomas Weil.");
    assert_eq!(
        quotes(&out),
        [pair("Tomas Weil", "Prices will keep rising")]
    );
    assert_eq!(out.speakers[0].role.as_deref(), Some("grain trader"));
    assert_eq!(out.speakers[0].kind, SpeakerKind::Person);
}

#[test]
fn name_said_colon_quote() {
    let out = run("The mayor, Ana Brook, said: \"We are ready for the storm.\"");
    assert_eq!(
        quotes(&out),
        [pair("Ana Brook", "We are ready for the storm.")]
    );
}

#[test]
fn split_quote_around_cue_and_pronoun() {
    let body = "Coach Rita Vance was upbeat. \"We trained hard,\" she said. \"Now we rest.\"";
    let out = run(body);
    assert_eq!(
        quotes(&out),
        [
            pair("Rita Vance", "We trained hard"),
            pair("Rita Vance", "Now we rest.")
        ]
    );
}

#[test]
fn pronoun_refers_to_a_name_opening_a_sentence_before_its_verb() {
    for (body, speaker) in [
        (
            "Paul Manafort arrived on Monday. \"We will win,\" he said.",
            "Paul Manafort",
        ),
        (
            "Ms Lena Ortiz toured the site. \"It is ready,\" she said.",
            "Lena Ortiz",
        ),
    ] {
        let out = run(body);
        let said: Vec<_> = quotes(&out).into_iter().map(|(s, _)| s).collect();
        assert_eq!(said, [speaker], "{body}");
    }
    // A single capitalised word opening a sentence is any word, not a name to refer to.
    let out = run("Turnout rose on Monday. \"We will win,\" he said.");
    assert!(
        out.speakers.iter().all(|s| s.name != "Turnout"),
        "{:?}",
        out.speakers
    );
}

#[test]
fn according_to_after_a_quote_or_a_conjunction() {
    let out = run("\"The files were moved,\" according to Judicial Watch.");
    assert_eq!(
        quotes(&out),
        [pair("Judicial Watch", "The files were moved")]
    );
    one_claim_each(&[
        (
            "But, according to the poll, most voters remain undecided.",
            "poll",
            "most voters remain undecided",
        ),
        (
            "He went because, according to Ann Lee, the hall was empty.",
            "Ann Lee",
            "the hall was empty",
        ),
        (
            "Prices rose, according to Acme, and wages fell.",
            "Acme",
            "Prices rose",
        ),
    ]);
}

#[test]
fn possessive_description_before_a_name_or_alone() {
    let out = run("\"He had many plans,\" his friend Omar Saleh told the website.");
    assert_eq!(quotes(&out), [pair("Omar Saleh", "He had many plans")]);
    assert_eq!(out.speakers[0].role.as_deref(), Some("his friend"));
    let out = run("\"We are close,\" her lawyer said.");
    assert_eq!(quotes(&out), [pair("her lawyer", "We are close")]);
    // After a verb, a possessive phrase is its object, not a speaker.
    let out = run("Ann Lee told his aides the vote was lost.");
    assert!(out.speakers.iter().all(|s| !s.name.contains("aides")));
}

#[test]
fn conjoined_cue_takes_the_name_opening_the_sentence() {
    let content = "the plant would stay";
    one_claim_each(&[
        (
            "Rosa Vance toured Leeds. Vance greeted 2,000 supporters and told them that the plant would stay.",
            "Rosa Vance",
            content,
        ),
        (
            "Ann Lee greeted supporters and said the plant would stay.",
            "Ann Lee",
            content,
        ),
        (
            "Finance minister Ann Lee is on record as saying the plant would stay.",
            "Ann Lee",
            content,
        ),
    ]);
}

#[test]
fn indirect_said_that_and_two_claims_in_one_sentence() {
    let out = run("The Farmers Union stated that yields fell but warned that prices may rise.");
    let got = claims(&out);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].1, "yields fell");
    assert_eq!(got[1].1, "prices may rise");
    assert!(got
        .iter()
        .all(|c| c.0 == "Farmers Union" && c.2 == ClaimKind::Indirect));
}

#[test]
fn content_then_name_said() {
    let out = run("The plant will close next year, the company's owner Piet Mols said.");
    assert_eq!(
        claims(&out),
        [(
            "Piet Mols".to_string(),
            "The plant will close next year".to_string(),
            ClaimKind::Indirect
        )]
    );
}

#[test]
fn according_to_before_and_after() {
    let out = run("Sales doubled in March, according to the Harbor Institute.");
    assert_eq!(claims(&out)[0].0, "Harbor Institute");
    assert_eq!(claims(&out)[0].1, "Sales doubled in March");
    let out = run("According to Dr Mira Hale, the vaccine is safe.");
    assert_eq!(claims(&out)[0].0, "Mira Hale");
    assert_eq!(claims(&out)[0].1, "the vaccine is safe");
}

#[test]
fn appositive_who_clause() {
    let out = run("\"It was a fair trial,\" Joe Park, who led the defence, said.");
    assert_eq!(quotes(&out), [pair("Joe Park", "It was a fair trial")]);
}

#[test]
fn told_the_broadcaster() {
    let out = run("Nadia Field told the BBC the talks had collapsed.");
    assert_eq!(claims(&out)[0].1, "the talks had collapsed");
    assert_eq!(claims(&out)[0].0, "Nadia Field");
    // A time after the addressee is no content: what was told stands before.
    let out = run("The union will sit out the vote, Phil Smith told POLITICO earlier this week.");
    let got = claim_pairs(&out);
    assert_eq!(got, [pair("Phil Smith", "The union will sit out the vote")]);
}

#[test]
fn in_a_statement() {
    let out = run("In a statement, Orbis Bank said it would cut 200 jobs.");
    assert_eq!(claims(&out)[0].0, "Orbis Bank");
    assert_eq!(claims(&out)[0].1, "it would cut 200 jobs");
    let out = run("Orbis Bank said in a statement Thursday night it would cut 200 jobs.");
    assert_eq!(
        claim_pairs(&out),
        [pair("Orbis Bank", "it would cut 200 jobs")]
    );
}

#[test]
fn partial_quote_inside_reported_speech() {
    let out = run("Diplomats say the envoy gave “firm” guarantees.");
    assert_eq!(quotes(&out), [pair("diplomats", "firm")]);
    let got = claims(&out);
    assert_eq!(got[0].1, "the envoy gave “firm” guarantees");
    assert_eq!(got[0].2, ClaimKind::Mixed);
}

#[test]
fn unnamed_speaker_drops_the_article() {
    let out =
        run("A senior hospital official, speaking anonymously, claimed that \"no beds are left.\"");
    assert_eq!(
        quotes(&out),
        [pair("senior hospital official", "no beds are left.")]
    );
    assert_eq!(out.speakers[0].kind, SpeakerKind::Unnamed);
}

#[test]
fn surname_and_honorific_resolve_to_full_name() {
    let body = "Energy minister Carl Dunmore visited the site.\nMr Dunmore said the plant was safe.\nLater Dunmore added that checks would continue.";
    let out = run(body);
    assert!(out.claims.len() >= 2);
    assert!(out
        .claims
        .iter()
        .all(|c| out.speakers[c.speaker].name == "Carl Dunmore"));
    assert_eq!(out.speakers.len(), 1);
}

#[test]
fn government_as_speaker() {
    let out = run("The US has called on Ruritania to \"release the sailors\".");
    assert_eq!(quotes(&out), [pair("US", "release the sailors")]);
    assert_eq!(out.claims[0].cue, "called on");
}

#[test]
fn dash_attribution() {
    let out = run("\"Never give up.\" — Marta Quell");
    assert_eq!(quotes(&out), [pair("Marta Quell", "Never give up.")]);
}

#[test]
fn quote_running_over_paragraphs() {
    let body = "Ivo Brandt said: \"We started in a garage.\n\"Then we grew fast.\n\"Now we employ 300 people.\"\nThe firm was founded in 1990.";
    let out = run(body);
    let got = quotes(&out);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|(s, _)| s == "Ivo Brandt"));
    let paragraphs: Vec<usize> = out.quotes.iter().map(|q| q.paragraph).collect();
    assert_eq!(paragraphs, [1, 2, 3]);
}

#[test]
fn continuation_paragraph_keeps_the_speaker() {
    let body = "\"We will appeal,\" said lawyer Omar Sethi.\n\"The ruling ignores the evidence.\"";
    let out = run(body);
    assert_eq!(
        quotes(&out),
        [
            pair("Omar Sethi", "We will appeal"),
            pair("Omar Sethi", "The ruling ignores the evidence.")
        ]
    );
}

#[test]
fn british_single_quotes() {
    let out = run("‘We won’t back down,’ said union leader Jo Marsh. Members’ pay is frozen.");
    assert_eq!(quotes(&out), [pair("Jo Marsh", "We won’t back down")]);
}

#[test]
fn unbalanced_mark_recovers_at_paragraph_end() {
    let body = "He called it \"odd.\nLater, \"We will win,\" said captain Rui Costa.";
    let out = run(body);
    assert_eq!(quotes(&out), [pair("Rui Costa", "We will win")]);
}

#[test]
fn addressee_after_to_then_a_quote() {
    for body in [
        "Tim Canova wrote to his followers, \"It is time.\"",
        "Tim Canova said to reporters: \"It is time.\"",
    ] {
        assert_eq!(
            quotes(&run(body)),
            [pair("Tim Canova", "It is time.")],
            "{body}"
        );
    }
    assert!(run("Tim Canova agreed to pay the fine.").claims.is_empty());
}

#[test]
fn a_weekday_after_the_cue_is_no_content() {
    one_claim_each(&[
        (
            "The plant will close in May, Ann Lee said Thursday.",
            "Ann Lee",
            "The plant will close in May",
        ),
        (
            "Ann Lee said Thursday that the plant will close in May.",
            "Ann Lee",
            "the plant will close in May",
        ),
        (
            "Ann Lee said earlier the plant will close in May.",
            "Ann Lee",
            "the plant will close in May",
        ),
    ]);
}

#[test]
fn parenthetical_cue_between_a_subject_and_its_predicate() {
    one_claim_each(&[
        (
            "Greensboro, Eric Lee said, made him question the rhetoric.",
            "Eric Lee",
            "Greensboro, Eric Lee said, made him question the rhetoric",
        ),
        (
            "The golf industry, Eric Lee said, is \"doing much better.\"",
            "Eric Lee",
            "The golf industry, Eric Lee said, is \"doing much better.\"",
        ),
        (
            "The firm, Eric Lee said, also planned a merger.",
            "Eric Lee",
            "The firm, Eric Lee said, also planned a merger",
        ),
        // Not a predicate: a new clause follows the cue.
        (
            "The plant will close, Eric Lee said, and jobs will go.",
            "Eric Lee",
            "The plant will close",
        ),
    ]);
    let out = run("The golf industry, Eric Lee said, is \"doing much better.\"");
    assert_eq!(out.claims[0].kind, ClaimKind::Mixed);
    assert_eq!(quotes(&out), [pair("Eric Lee", "doing much better.")]);
}

#[test]
fn parenthetical_cue_after_an_opening_clause() {
    one_claim_each(&[
        (
            "In both cases, Eric Lee said, the gifts paid for the tournament.",
            "Eric Lee",
            "the gifts paid for the tournament",
        ),
        (
            "Eric Lee spoke. Rather, he said, the struggles will unite them.",
            "Eric Lee",
            "the struggles will unite them",
        ),
        // A clause before the cue is what was said.
        (
            "The plant will close, Eric Lee said, and jobs will go.",
            "Eric Lee",
            "The plant will close",
        ),
    ]);
}

#[test]
fn name_then_age_and_description_before_the_cue() {
    one_claim_each(&[
        (
            "Lance Beebe, 49, a Navy veteran who works for the Air Force, said the base should stay.",
            "Lance Beebe",
            "the base should stay",
        ),
        (
            "Lance Beebe, a Navy veteran, said the base should stay.",
            "Lance Beebe",
            "the base should stay",
        ),
    ]);
}

#[test]
fn party_and_state_after_a_name_before_its_description() {
    one_claim_each(&[
        (
            "Sen. Mira Osk, R-Ohio, a long-shot candidate, said Wexley is overselling the plan.",
            "Mira Osk",
            "Wexley is overselling the plan",
        ),
        (
            "Rep. Tobin Hale, D-Mass., the ranking member, said the harbour bill was dead.",
            "Tobin Hale",
            "the harbour bill was dead",
        ),
    ]);
}

#[test]
fn name_before_a_predicate_after_the_cue_is_no_inverted_source() {
    let out = run("A plain cook from Dunmore, said Wexley was the best in town.");
    assert!(claims(&out)
        .iter()
        .all(|(speaker, _, _)| speaker != "Wexley"));
    // A participle before a preposition describes the source.
    one_claim_each(&[(
        "\"The fund is safe,\" said one Liberal involved in the talks.",
        "Liberal",
        "The fund is safe",
    )]);
}

#[test]
fn parenthetical_cue_after_words_that_are_no_clause() {
    one_claim_each(&[
        (
            "Eric Lee spoke. Within the valley, he said, farmers now have more water.",
            "Eric Lee",
            "Within the valley, he said, farmers now have more water",
        ),
        (
            "Eric Lee spoke. That, he says, will take years.",
            "Eric Lee",
            "That, he says, will take years",
        ),
        (
            "Eric Lee spoke. Sometimes, he said, spotting a leak was easy.",
            "Eric Lee",
            "Sometimes, he said, spotting a leak was easy",
        ),
    ]);
    // A participle after the cue opens a clause of its own.
    let out =
        run("Eric Lee spoke. But the ferry \"is too slow\", he said, adding that fares were high.");
    let contents: Vec<_> = claims(&out).into_iter().map(|(_, c, _)| c).collect();
    assert_eq!(
        contents,
        ["But the ferry \"is too slow\"", "fares were high"]
    );
}

#[test]
fn nouns_ending_in_ly_are_no_adverbs() {
    one_claim_each(&[
        (
            "The head of the rally said the rules were unfair.",
            "head of the rally",
            "the rules were unfair",
        ),
        (
            "A member of the family said the rules were unfair.",
            "member of the family",
            "the rules were unfair",
        ),
    ]);
}

#[test]
fn ways_of_saying_are_cues() {
    for verb in [
        "scoffed",
        "mused",
        "shouted",
        "whispered",
        "bragged",
        "grumbled",
    ] {
        let body = format!("\"We will win,\" Ann Lee {verb}.");
        assert_eq!(
            quotes(&run(&body)),
            [pair("Ann Lee", "We will win")],
            "{body}"
        );
    }
}

#[test]
fn a_speaker_citing_a_source_still_claims() {
    let out = run("\"The law is void,\" Judge Carl Reeves wrote, citing precedent.");
    assert_eq!(quotes(&out), [pair("Carl Reeves", "The law is void")]);
}

#[test]
fn not_claims() {
    let none = [
        "The risk is rising, the Daily Planet reports, citing foreign media.",
        "She declined to comment.",
        "The band released an album called \"Blue Hours\" last year.",
        "Critics of the so-called \"reform\" were not surprised.",
        "He joined a group called the \"Friends of Peace.\"",
    ];
    for body in none {
        let out = run(body);
        assert!(out.claims.is_empty(), "{body}: {:?}", claims(&out));
        assert!(out.quotes.is_empty(), "{body}: {:?}", quotes(&out));
    }
}

#[test]
fn nyt_doubled_apostrophes_and_guillemets() {
    let out = run("''We are done,'' said Ada Lin. «C'est fini», dit-elle, said Paul Roy.");
    assert_eq!(quotes(&out)[0], pair("Ada Lin", "We are done"));
}

#[test]
fn participle_takes_the_clause_subject() {
    let out = run("Senator Ida Moss attacked the bill, saying it would \"hurt farmers\".");
    let got = claims(&out);
    assert!(
        got.iter()
            .any(|c| c.0 == "Ida Moss" && c.1 == "it would \"hurt farmers\""),
        "{got:?}"
    );
    assert_eq!(quotes(&out), [pair("Ida Moss", "hurt farmers")]);
    // After an opening time or adverb, the subject stands past its comma.
    for opener in ["On Sunday", "Meanwhile", "Last week", "However"] {
        let body = format!("{opener}, Mrs. Ida Moss stood by her vote, saying it would fail.");
        let got = claim_pairs(&run(&body));
        assert_eq!(got, [pair("Ida Moss", "it would fail")], "{body}");
    }
    // The participle's comma may close a quote.
    let out = run("Ida Moss gave a speech on “city values,” saying the town would recover.");
    let got = claim_pairs(&out);
    assert_eq!(got, [pair("Ida Moss", "the town would recover")]);
}

#[test]
fn progressive_and_contracted_cues() {
    let out = run(
        "Governor Ray Lind is urging residents to leave. He’s claiming that the dam is \"unsafe\".",
    );
    let got = claims(&out);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|c| c.0 == "Ray Lind"));
    assert_eq!(got[1].1, "the dam is \"unsafe\"");
}

#[test]
fn as_saying_and_absolute_participles() {
    let out = run("Finance chief Ola Berg is on record as saying that he \"regretted\" the deal.");
    assert_eq!(quotes(&out), [pair("Ola Berg", "regretted")]);
    let out =
        run("The club lost again, with coach Tim Reyes claiming it had been \"a cruel night\".");
    assert_eq!(quotes(&out), [pair("Tim Reyes", "a cruel night")]);
}

#[test]
fn bracketed_party_tag_is_skipped() {
    let out = run("\"We need a vote,\" Rep. Jo Hart (D-Ore.) said Friday.");
    assert_eq!(quotes(&out), [pair("Jo Hart", "We need a vote")]);
}

#[test]
fn findings_and_noun_homographs() {
    let out = run("New polls show the mayor trailing. The survey found that turnout fell.");
    let got = claims(&out);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].1, "the mayor trailing");
    assert_eq!(got[1].1, "turnout fell");
    let none = run("The morning chat show plays old records. Three shows ran late.");
    assert!(none.claims.is_empty(), "{:?}", claims(&none));
}

#[test]
fn infinitives_only_after_promises_and_directives() {
    let out = run("The firm agreed to pay the fine. The minister pledged to cut fees.");
    let got = claims(&out);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "to cut fees");
}

#[test]
fn interview_transcript_turns() {
    let body = "The interview was recorded on Monday.\nHOST: Will you run again?\nMARA DELL: I have not decided.\nHOST: When will you?\nMARA DELL: Soon.";
    let out = run(body);
    let got = claims(&out);
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(
        got[1],
        (
            "MARA DELL".to_string(),
            "I have not decided.".to_string(),
            ClaimKind::Indirect
        )
    );
    assert!(out.claims.iter().all(|c| c.cue == ":"));
}

#[test]
fn description_after_comma_describes_the_name() {
    let out = run("\"Sales will recover,\" Lena Voss, the chain's chief executive told reporters.");
    assert_eq!(quotes(&out), [pair("Lena Voss", "Sales will recover")]);
}

#[test]
fn dash_and_bracket_asides() {
    let out = run("Ben Ash -- a former judge -- said the ruling was \"sound\".");
    assert_eq!(quotes(&out), [pair("Ben Ash", "sound")]);
    let out = run("Rep. Kay Moor (R-Ind.), head of the panel, said the vote was \"a farce\".");
    assert_eq!(quotes(&out), [pair("Kay Moor", "a farce")]);
}

#[test]
fn relative_who_and_of_phrases() {
    let out = run("The claim was denied by Mr Lund, who said the deal was \"clean\".");
    assert_eq!(quotes(&out), [pair("Lund", "clean")]);
    let out = run("Critics of the scheme argue that it is \"unfair\".");
    assert_eq!(quotes(&out), [pair("critics of the scheme", "unfair")]);
    let out = run("Sales fell, with some analysts saying demand was \"fragile\".");
    assert_eq!(quotes(&out), [pair("analysts", "fragile")]);
}

#[test]
fn titles_of_shows_are_not_quotes() {
    let out = run("Ada Lin told \"Morning Talk With Joe\" that the plan was \"dead\".");
    assert_eq!(quotes(&out), [pair("Ada Lin", "dead")]);
}

#[test]
fn quoted_transcript_turn_quotes_only_the_words() {
    let body = "\"HOST: Are you in?\nGUEST: I am.\n\"HOST: Good.\"\nGUEST: Thanks.";
    let out = run(body);
    assert_eq!(quotes(&out)[0], pair("HOST", "Are you in?"));
}

#[test]
fn colon_introduces_the_next_paragraph() {
    let out = run("The Daily Planet reports:\n\"Only 24 people came to the rally.\"");
    assert_eq!(
        quotes(&out),
        [pair("Daily Planet", "Only 24 people came to the rally.")]
    );
}

#[test]
fn cue_nouns_after_articles_and_place_names() {
    let out = run("Jobs depend on exports to Ruritania, a report says.");
    assert_eq!(
        claims(&out),
        [(
            "report".to_string(),
            "Jobs depend on exports to Ruritania".to_string(),
            ClaimKind::Indirect
        )]
    );
}

#[test]
fn a_described_cue_noun_before_the_cue_is_its_source() {
    one_claim_each(&[
        (
            "A new report said that the harbour would close.",
            "new report",
            "the harbour would close",
        ),
        // A document speaks for the body whose name describes it.
        (
            "The Lowdale Institute report warned that rents would rise.",
            "Lowdale Institute",
            "rents would rise",
        ),
    ]);
    // A noun among the words before the cue form makes it a verb: no source is read there.
    assert!(run("The island state is asking for more aid.")
        .claims
        .is_empty());
}

/// A past cue form is a verb, never a noun the cue after it describes: in `The firm said
/// demand was strong`, `said` is the cue and `demand` opens the content.
#[test]
fn a_past_cue_form_before_a_cue_noun_is_the_cue() {
    one_claim_each(&[
        (
            "The firm said demand was strong.",
            "firm",
            "demand was strong",
        ),
        (
            "A spokesman said claims were false.",
            "spokesman",
            "claims were false",
        ),
    ]);
}

#[test]
fn a_place_opening_a_description_keeps_its_capital() {
    let out = run("Lowdale police said the bridge was unsafe. Traffic in Lowdale stopped.");
    assert_eq!(
        claim_pairs(&out),
        [pair("Lowdale police", "the bridge was unsafe")]
    );
    // A common word is capitalised only because it opens the sentence.
    let out = run("Workers said the bridge was unsafe.");
    assert_eq!(
        claim_pairs(&out),
        [pair("workers", "the bridge was unsafe")]
    );
}

#[test]
fn a_request_for_anonymity_is_no_claim() {
    one_claim_each(&[(
        "A farmer, who asked not to be named, said the harvest had failed.",
        "farmer",
        "the harvest had failed",
    )]);
}

#[test]
fn subject_after_an_opening_participle_clause() {
    let out = run(
        "Speaking to farmers in Lowdale on Monday, Ann Varga praised the plan but described its cost as a \"heavy burden\".",
    );
    assert_eq!(quotes(&out), [pair("Ann Varga", "heavy burden")]);
}

#[test]
fn subject_after_an_opening_adverbial_clause() {
    let out = run(
        "Ever since she left the party, Ann Varga has been its fiercest critic, telling crowds a simple message: \"Never again.\"",
    );
    assert_eq!(quotes(&out), [pair("Ann Varga", "Never again.")]);
}

#[test]
fn named_subject_after_a_dash_starts_a_new_claim() {
    let out = run(
        "When Ann Varga noted that the budget was late ― Tom Brill retorted, \"That is your fault.\"",
    );
    assert_eq!(quotes(&out), [pair("Tom Brill", "That is your fault.")]);
}

#[test]
fn question_quote_then_name_and_cue_is_one_sentence() {
    let out = run(
        "Tom Brill said the vote was rigged.\n\"Have you read the report?\" Ann Varga asked. \"It says otherwise.\"",
    );
    assert_eq!(
        quotes(&out),
        [
            pair("Ann Varga", "Have you read the report?"),
            pair("Ann Varga", "It says otherwise.")
        ]
    );
}

#[test]
fn dateline_is_no_subject() {
    let out = run(
        "LOWDALE, March 3 (NPA) — Ann Varga has attacked the new levy, saying it was \"a tax on hope\".",
    );
    assert_eq!(quotes(&out), [pair("Ann Varga", "a tax on hope")]);
}

#[test]
fn place_after_an_opening_clause_belongs_to_it() {
    let out = run(
        "At a rally in Lowdale, Ruritania, Ann Varga went after her rival, calling him \"a coward\".",
    );
    assert_eq!(quotes(&out), [pair("Ann Varga", "a coward")]);
}

#[test]
fn participle_after_a_named_object_is_the_subjects() {
    let out = run("Lena Fisk hammered Ramon Ortega, calling him a \"paper tiger\".");
    assert_eq!(quotes(&out), [pair("Lena Fisk", "paper tiger")]);
}

#[test]
fn participle_after_the_named_object_of_a_cue_verb_is_the_subjects() {
    let out = run("Lena Fisk praised Ramon Ortega, saying he had done well.");
    assert_eq!(claim_pairs(&out), [pair("Lena Fisk", "he had done well")]);
}

#[test]
fn one_word_subject_before_a_verb_and_its_named_object() {
    let out = run("Fisk visited Ortega and said the talks had failed.");
    assert_eq!(claim_pairs(&out), [pair("Fisk", "the talks had failed")]);
}

#[test]
fn quoted_name_with_an_aside_as_saying_is_the_source_without_the_verb() {
    let out = run(
        "The Daily Courier quoted Ramon Ortega, a local farmer, as saying that the river had burst its banks.",
    );
    assert_eq!(
        claim_pairs(&out),
        [pair("Ramon Ortega", "the river had burst its banks")]
    );
    assert_eq!(out.speakers[out.claims[0].speaker].role, None);
}

/// A guard on the two above (it passes on the code before them, and fails without their
/// preposition check): a verb between names after a preposition makes no subject of the place.
#[test]
fn name_after_a_preposition_is_no_subject_of_the_verb_after_it() {
    let out = run(
        "Strong sales outside northern Ruritania helped Acme raise its profits. The firm said demand was strong.",
    );
    assert_eq!(claim_pairs(&out), [pair("Acme", "demand was strong")]);
}

#[test]
fn shot_back_is_a_retort() {
    let out = run("\"You never read it,\" Tom Brill shot back.");
    assert_eq!(quotes(&out), [pair("Tom Brill", "You never read it")]);
}

#[test]
fn relative_clause_aside_may_hold_commas() {
    let out = run(
        "Ann Varga, who is a pastor in Lowdale, Ruritania, warned that the vote was \"a trap\".",
    );
    assert_eq!(quotes(&out), [pair("Ann Varga", "a trap")]);
}

#[test]
fn a_medium_never_refers_back_to_a_person() {
    let out = run(
        "Tom Brill said the plan was bad.\nThe clip concludes that the plan \"will cost you dearly\".",
    );
    assert_ne!(quotes(&out)[0].0, "Tom Brill");
}

#[test]
fn shown_person_telling_is_the_speaker() {
    let out = run(
        "The film showed Ann Varga, apparently unaware of the camera, telling her aides: \"We cannot win this.\"",
    );
    assert_eq!(quotes(&out), [pair("Ann Varga", "We cannot win this.")]);
}

#[test]
fn description_joined_by_in_after_a_quote() {
    let out = run("\"Why not?\" a narrator in the campaign ad asks.");
    assert_eq!(
        quotes(&out),
        [pair("narrator in the campaign ad", "Why not?")]
    );
}

#[test]
fn demanded_may_follow_its_quote() {
    let out = run("\"Who signed this?\" Ann Varga demanded.");
    assert_eq!(quotes(&out), [pair("Ann Varga", "Who signed this?")]);
}

#[test]
fn claims_counted_as_a_quantity_are_a_noun() {
    let out = run("The site rated 40% of Liberal claims as \"false\".");
    assert!(claims(&out).is_empty());
}

#[test]
fn footage_of_a_name_saying() {
    let out = run("The ad ends with footage of Tom Brill saying, \"I never pay.\"");
    assert_eq!(quotes(&out), [pair("Tom Brill", "I never pay.")]);
}

#[test]
fn a_text_put_out_saying_is_its_author_s_claim() {
    one_claim_each(&[
        (
            "Mayor Ida Moss issued a statement on Monday saying the bridge would reopen.",
            "Ida Moss",
            "the bridge would reopen",
        ),
        (
            "Tom Brill sent a letter to the council claiming the levy was unlawful.",
            "Tom Brill",
            "the levy was unlawful",
        ),
    ]);
    // The one who gets the text is not its author.
    let out = run("Visitors to the site get a message saying the page is closed.");
    assert!(claims(&out).is_empty(), "{:?}", claims(&out));
}

#[test]
fn pronoun_refers_to_a_subject_with_a_party_bracket() {
    let out = run(
        "Tom Brill spoke first.\nSen. Ann Varga (D-Ruritania) scolded him: \"You misled us,\" she said.",
    );
    assert_eq!(quotes(&out), [pair("Ann Varga", "You misled us")]);
}

#[test]
fn subject_after_an_opening_with_clause() {
    let out = run(
        "Tom Brill spoke first.\nWith turnout low in the north, Ann Varga is trying a new message.\nThe senator told voters it was \"a test of nerve\".",
    );
    assert_eq!(quotes(&out), [pair("Ann Varga", "a test of nerve")]);
}

#[test]
fn according_to_a_source_without_a_comma() {
    let out = run("Ann Varga leads by 40 delegates according to a count by the Lowdale Herald.");
    assert_eq!(claims(&out).len(), 1);
    assert_eq!(claims(&out)[0].1, "Ann Varga leads by 40 delegates");
}

#[test]
fn according_to_a_described_report_is_its_makers_claim() {
    one_claim_each(&[(
        "Rents will rise, according to a new report from the Lowdale Housing Trust.",
        "Lowdale Housing Trust",
        "Rents will rise",
    )]);
}

#[test]
fn according_to_a_standard_is_no_attribution() {
    let out = run("The Lowdale sale was carried out according to the law.");
    assert!(claims(&out).is_empty());
}

#[test]
fn weekday_and_adverb_phrases_are_no_speakers() {
    let out = run("Tom Brill spoke.\nSaturday's rally was loud. It said \"enough\" to critics.");
    assert!(quotes(&out).iter().all(|(s, _)| s != "Saturday"));
}

#[test]
fn role_and_name_and_colon_before_a_quote() {
    let out =
        run("Reactions after the match.\n\n- Rovers boss Ann Varga: \"We were the better side.\"");
    assert_eq!(
        quotes(&out),
        [pair("Ann Varga", "We were the better side.")]
    );
    assert_eq!(out.speakers[0].role.as_deref(), Some("Rovers boss"));
}

#[test]
fn a_verb_opening_a_role_and_name_before_a_colon_is_no_part_of_the_role() {
    let out = run("Said Rovers boss Ann Varga: \"We were the better side.\"");
    assert_eq!(
        quotes(&out),
        [pair("Ann Varga", "We were the better side.")]
    );
    assert_eq!(out.speakers[0].role.as_deref(), Some("Rovers boss"));
}

#[test]
fn name_and_colon_before_a_quote() {
    let out =
        run("The two rivals differ. Ann Varga: \"We will win.\" Tom Brill: \"We will not lose.\"");
    assert_eq!(
        quotes(&out),
        [
            pair("Ann Varga", "We will win."),
            pair("Tom Brill", "We will not lose.")
        ]
    );
}

#[test]
fn called_with_a_longer_object_before_the_quote() {
    let out = run(
        "Ann Varga called the council's plans to build a new toll road \"an absolute disgrace\".",
    );
    assert_eq!(quotes(&out), [pair("Ann Varga", "an absolute disgrace")]);
}

#[test]
fn called_after_a_conjunction_a_relative_pronoun_or_a_description() {
    let cases = [
        (
            "Ann Varga took the stage in Leeds and called the system \"rotten to the core.\"",
            "Ann Varga",
        ),
        (
            "The reply came from Ann Varga, who called the mayor \"unfit to serve\" at once.",
            "Ann Varga",
        ),
        (
            "In April, Ann Varga called Acme's plans to open a $1.6 billion plant \"a disgrace.\"",
            "Ann Varga",
        ),
        (
            "Varga's campaign called the report a \"rush to judgment.\"",
            "Varga's campaign",
        ),
    ];
    for (body, speaker) in cases {
        let out = run(body);
        assert_eq!(out.quotes.len(), 1, "{body}");
        assert_eq!(out.speakers[out.quotes[0].speaker].name, speaker, "{body}");
        assert_eq!(out.claims[0].cue, "called", "{body}");
    }
}

#[test]
fn participle_after_a_name_inside_an_adjunct_keeps_its_quote() {
    let out = run(
        "Tom Brill said the plan was bad.\nThe spot concludes with footage of Ann Varga saying, \"I never pay.\"",
    );
    assert_eq!(quotes(&out), [pair("Ann Varga", "I never pay.")]);
}

#[test]
fn added_a_score_is_no_remark() {
    let out = run("Tom Brill added 18 points as Lowdale won.");
    assert!(claims(&out).is_empty());
}

#[test]
fn sentence_opening_asked_is_no_claim_of_its_own() {
    let out = run("Asked if the plan had failed, Ann Varga said it had not.");
    assert_eq!(
        claims(&out),
        [(
            "Ann Varga".to_string(),
            "it had not".to_string(),
            ClaimKind::Indirect
        )]
    );
}

#[test]
fn local_government_titles_are_not_part_of_the_name() {
    let out = run("“The library stays open,” said Councillor Priya Natesan.");
    assert_eq!(
        quotes(&out),
        vec![pair("Priya Natesan", "The library stays open")]
    );
}

#[test]
fn an_age_is_a_description_of_the_person_named() {
    let out = run("Ann Lee took the stage. \"He is a leader,\" said the 46-year-old.");
    assert_eq!(quotes(&out), [pair("Ann Lee", "He is a leader")]);
    // A bare number is still no speaker.
    assert!(run("\"We will vote,\" said 43.").quotes.is_empty());
}

#[test]
fn a_claim_ends_at_an_abbreviation_that_ends_its_sentence() {
    let out = run("Ann Lee says troops will stay in the U.S. She says \"it is over.\"");
    assert_eq!(
        claim_pairs(&out),
        [
            pair("Ann Lee", "troops will stay in the U.S"),
            pair("Ann Lee", "it is over."),
        ]
    );
}

#[test]
fn according_to_a_possessive_source_or_after_an_opening_clause() {
    one_claim_each(&[
        (
            "The pilot had flown since 2004, according to his Facebook profile.",
            "Facebook profile",
            "The pilot had flown since 2004",
        ),
        (
            "In addition, according to the Labour Department, nine million workers gain.",
            "Labour Department",
            "nine million workers gain",
        ),
    ]);
    assert_eq!(
        run("The plan failed, according to its authors.").claims[0].cue,
        "according to"
    );
}

#[test]
fn by_saying_takes_the_sentence_subject() {
    let out = run("Ann Varga took the stage. Ann Varga ended her list by saying \"Too many.\"");
    assert_eq!(quotes(&out), [pair("Ann Varga", "Too many.")]);
}

#[test]
fn labelled_dubbed_and_referred_to_with_an_object_before_the_quote() {
    let out = run(
        "Ann Varga is labelling the tax \"a blatant abuse.\" Tom Brill refers to the mayor as \
         \"Mr. Lee,\" while Ann Varga refers to him as \"Eric.\" Tom Brill dubbed the mayor \
         \"the little senator.\" Ann Varga branded the tax \"theft.\"",
    );
    assert_eq!(
        quotes(&out),
        [
            pair("Ann Varga", "a blatant abuse."),
            pair("Tom Brill", "Mr. Lee"),
            pair("Ann Varga", "Eric."),
            pair("Tom Brill", "the little senator."),
            pair("Ann Varga", "theft."),
        ]
    );
    // Without an object, the quote is a name.
    let out = run("He took on a man referred to as \"the Godfather.\"");
    assert!(out.claims.is_empty(), "{:?}", claims(&out));
}

#[test]
fn warned_of_says_what_was_warned_of() {
    one_claim_each(&[(
        "Ann Varga warned of a \"ferocious\" battle that could split the party.",
        "Ann Varga",
        "a \"ferocious\" battle that could split the party",
    )]);
}

#[test]
fn a_credit_line_is_no_claim() {
    let out =
        run("Ann Lee won the vote.\n(Additional reporting by Tom Brill; Editing by Dana Whitlow)");
    assert_eq!(claim_pairs(&out), Vec::<(String, String)>::new());
}

#[test]
fn a_sentence_opening_preposition_is_no_speaker() {
    let out = run("Despite praising the team, Tom Brill believes they will lose.");
    assert!(
        claim_pairs(&out)
            .iter()
            .all(|(speaker, _)| speaker == "Tom Brill"),
        "{:?}",
        claim_pairs(&out)
    );
}

#[test]
fn a_sentence_opening_adverb_is_no_speaker() {
    let out = run("Hopefully the rain stops, the coach said.");
    assert_eq!(
        claim_pairs(&out),
        [pair("coach", "Hopefully the rain stops")]
    );
}

#[test]
fn an_organisation_name_that_lists_its_fields_with_commas_is_one_name() {
    let out =
        run("The Department for Transport, Tourism and Sport said the rail plan would go ahead.");
    assert_eq!(
        claim_pairs(&out),
        [pair(
            "Department for Transport, Tourism and Sport",
            "the rail plan would go ahead"
        )]
    );
}

#[test]
fn a_list_of_places_before_a_subject_is_no_name() {
    let out = run("In Oslo, Lyon and Turin, officials said the trains were late.");
    assert_eq!(
        claim_pairs(&out),
        [pair("officials", "the trains were late")]
    );
}

#[test]
fn a_lone_adverb_before_an_inverted_cue_is_no_content() {
    let out = run("Furthermore, the price of bread continues to rise across the region.");
    assert!(out.claims.is_empty(), "{:?}", claims(&out));
}

#[test]
fn a_description_headed_by_a_singular_noun_before_of_is_one_persons_appositive() {
    let out = run("Dana Whitlow, president of the Union of Bakers, said the strike would end.");
    assert_eq!(
        claim_pairs(&out),
        [pair("Dana Whitlow", "the strike would end")]
    );
}

#[test]
fn another_before_a_noun_is_dropped_like_some_and_alone_is_no_speaker() {
    let out = run("Another analyst said the deal was dead. Another said it was not.");
    assert_eq!(claim_pairs(&out), [pair("analyst", "the deal was dead")]);
}

#[test]
fn a_phrase_that_ends_in_a_verb_is_no_speaker_of_a_cue_word_used_as_a_noun() {
    let out = run("The bank settled charges that it misled its savers.");
    assert!(out.claims.is_empty(), "{:?}", claims(&out));
    assert!(out.speakers.is_empty());
}

#[test]
fn a_cue_verb_in_another_sense_makes_no_claim() {
    let out = run("Ann Lee thanks her staff every Friday.");
    assert!(out.claims.is_empty(), "{:?}", claims(&out));
}

#[test]
fn a_claim_is_as_sure_as_its_cue_and_its_speaker_allow() {
    let out = run("Ann Lee said the talks had failed.");
    let confidence = out.claims[0].confidence;
    assert!(confidence > 0.5 && confidence <= 1.0, "{confidence}");
}

/// A cue verb in another sense takes a bare object, not a clause: no claim.
#[test]
fn a_cue_verb_with_a_bare_object_makes_no_claim() {
    for body in [
        "Ann Varga won on Sunday, claiming the women's 1500m title.",
        "The rebels stated their intentions in May.",
        "Orvane posted a loss of $5m in the quarter.",
        "Ann Varga ordered a pizza for the team.",
        "The documentary showed the ruins of the old port.",
        "The Rovers have conceded six goals in two games.",
        "Tom Brill pleaded guilty to fraud in March.",
        "Tom Brill pleaded not guilty to all charges.",
    ] {
        let out = run(body);
        assert!(out.claims.is_empty(), "{body}: {:?}", claims(&out));
    }
}

/// A cue's present form after an adjective is a noun (`the latest reports`), no cue.
#[test]
fn a_cue_word_read_as_a_noun_after_an_adjective_makes_no_claim() {
    for body in [
        "The shares rose as the latest reports heralded a merger.",
        "The app turns colours into musical notes so that blind pupils can read charts.",
        "Then the keeper saw his worst fears confirmed in the second half.",
    ] {
        let out = run(body);
        assert!(out.claims.is_empty(), "{body}: {:?}", claims(&out));
    }
}

/// The same words as verbs keep their claims: after a noun the tagger may read as an
/// adjective, and before `that`.
#[test]
fn a_cue_word_after_an_adjective_like_word_is_still_a_verb() {
    for (body, speaker) in [
        (
            "The attorney general alleges the emails broke the law.",
            "attorney general",
        ),
        (
            "The latest survey suggests that rents will rise.",
            "latest survey",
        ),
    ] {
        let out = run(body);
        let got = claims(&out);
        assert_eq!(got.len(), 1, "{body}: {got:?}");
        assert_eq!(got[0].0, speaker, "{body}: {got:?}");
    }
}

/// A cue's past form between a modifier and a noun is an adjective (`his third alleged
/// offence`), and a cue's present form after an adjective opening the sentence is a noun
/// (`Full backing for`): no claim.
#[test]
fn a_cue_word_read_as_an_adjective_or_an_opening_noun_makes_no_claim() {
    for body in [
        "It was his third alleged offence, having already served two years for theft.",
        "Full support for the new format will not arrive until the autumn update.",
    ] {
        let out = run(body);
        assert!(out.claims.is_empty(), "{body}: {:?}", claims(&out));
    }
}

/// A name opening the sentence before a cue's present form stays its speaker.
#[test]
fn a_name_opening_the_sentence_before_a_cue_is_still_its_speaker() {
    let body = "Prager continues, \"The argument is weak and the voters know it.\"";
    let out = run(body);
    assert_eq!(
        quotes(&out),
        [pair(
            "Prager",
            "The argument is weak and the voters know it."
        )]
    );
}

/// `accused of`, `criticised for`, `described as` with no object are passives: the one
/// accused says nothing, and the sentence's own cue keeps its claim.
#[test]
fn a_passive_directive_makes_no_claim() {
    let out = run("The former mayor is now on trial, accused of taking bribes from builders.");
    assert!(out.claims.is_empty(), "{:?}", claims(&out));
    let out = run("The council, criticised for its parking fees, said it would cut them.");
    let got = claims(&out);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "council");
    assert_eq!(got[0].1, "it would cut them");
}

/// With its object moved before it (`whom aides described as`), the verb is active.
#[test]
fn a_directive_with_its_object_moved_before_it_is_still_a_cue() {
    let out = run("The singer, whom local critics described as a genius, will tour in May.");
    let got = claims(&out);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "local critics");
}

/// `, who` after a description with a prepositional phrase (`an expert on cryptography, who`)
/// is said of the one described, not of the thing after the preposition.
#[test]
fn who_after_a_speaker_noun_and_its_preposition_is_the_speaker() {
    let body = "The claim was backed by a leading expert on cryptography, who has confirmed the \
                files were genuine.";
    let out = run(body);
    let got = claims(&out);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "leading expert on cryptography");
}

/// A past participle that describes a thing, and a price that adds points, say nothing.
#[test]
fn a_cue_verb_describing_a_thing_or_a_price_makes_no_claim() {
    for body in [
        "The views expressed in this article are those of the author alone.",
        "The changes proposed by Lord Varga were a complex undertaking, they said.",
        "The stock added more than 2% to begin the week after the firm took a stake.",
    ] {
        let out = run(body);
        let cues: Vec<&str> = out.claims.iter().map(|c| c.cue.as_str()).collect();
        assert!(
            !cues
                .iter()
                .any(|c| matches!(*c, "expressed" | "proposed" | "added")),
            "{body}: {:?}",
            claims(&out)
        );
    }
    // Said of a person, `added` with a number is a claim still.
    assert_eq!(
        run("Ann Varga added more than 100 people had died.")
            .claims
            .len(),
        1
    );
}

/// `amid` and `despite` take a noun phrase: a cue form after them is a noun, no source's verb.
#[test]
fn a_cue_form_after_amid_or_despite_is_a_noun() {
    for body in [
        "All this came amid fresh claims that the minister was seething.",
        "Oil prices rose amid terrorism fears since the attack.",
    ] {
        let out = run(body);
        assert!(out.claims.is_empty(), "{body}: {:?}", claims(&out));
    }
    // A clause after `despite` keeps its verb.
    assert_eq!(
        run("Despite insisting he wants a deal, Ann Varga said the bid would fail.")
            .claims
            .len(),
        1
    );
}

/// The same verbs with a clause are claims.
#[test]
fn a_cue_verb_with_a_clause_makes_a_claim() {
    for body in [
        "Ann Varga claimed the title was hers.",
        "The rebels stated they would leave in May.",
        "The survey showed that prices rose.",
        "Ann Varga pleaded that she was innocent.",
    ] {
        assert_eq!(run(body).claims.len(), 1, "{body}");
    }
}

/// A short clause whose verb the tagger reads as a noun (`rose`, `fell`) is a clause still;
/// a participle before a noun is not its verb.
#[test]
fn a_short_clause_in_the_past_makes_a_claim() {
    for body in [
        "Zentrix Holdings said profits rose.",
        "Zentrix Holdings said profits fell sharply in May.",
    ] {
        assert_eq!(run(body).claims.len(), 1, "{body}");
    }
    assert!(run("The video shows dramatic rescue of kidnapped girl.")
        .claims
        .is_empty());
}

/// A picture shows what it depicts; only a clause after it is a claim.
#[test]
fn a_picture_that_shows_a_scene_makes_no_claim() {
    assert!(run("The video shows officers racing up a staircase.")
        .claims
        .is_empty());
    assert!(run("The illustration shows a concept of the lander.")
        .claims
        .is_empty());
    assert_eq!(run("Television pictures showed he dived.").claims.len(), 1);
}

/// `Having said that,` and `That said,` turn an argument: no one is quoted.
#[test]
fn having_said_that_is_no_claim() {
    for body in [
        "Having said that, Ann Varga is in much better shape.",
        "That said, the team still lost on Sunday.",
    ] {
        assert!(run(body).claims.is_empty(), "{body}");
    }
    // `said that` with a clause after the comma is a claim still.
    assert_eq!(
        run("Ann Varga said that, in her view, the plan would fail.")
            .claims
            .len(),
        1
    );
}

/// A cue form right after an adjective is a noun (`civil protests against`); an adjective
/// before its subject is no matter (`local residents say`).
#[test]
fn a_cue_form_after_an_adjective_is_a_noun() {
    let body = "There were civil protests against the rigged election that had kept him in power.";
    assert!(run(body).claims.is_empty(), "{:?}", claims(&run(body)));
    assert_eq!(
        run("Local residents say the plan will fail.").claims.len(),
        1
    );
}

#[test]
fn a_second_attribution_after_a_comma_and_a_conjunction_is_its_own_claim() {
    let body = "Ann Lee said ferry fares would rise, but Tom Brill said they would fall.";
    let out = run(body);
    check_offsets(body, &out);
    assert_eq!(
        claim_pairs(&out),
        [
            pair("Ann Lee", "ferry fares would rise"),
            pair("Tom Brill", "they would fall")
        ]
    );
}

/// A verb outside the cue lexicon attributes a quote by where it stands: after the quote's
/// comma and a name, or before the name.
#[test]
fn any_verb_between_a_quote_and_its_speaker_attributes_it() {
    let out = run("\"The pier needs paint,\" Ida Varga fumed after the meeting.");
    assert_eq!(quotes(&out), [pair("Ida Varga", "The pier needs paint")]);
    assert_eq!(out.claims[0].cue, "fumed");
    let out = run("\"The pier needs paint,\" fumed Ida Varga.");
    assert_eq!(quotes(&out), [pair("Ida Varga", "The pier needs paint")]);
    let body = "\"The pier needs paint,\" Ida Varga, a harbour warden, has written.";
    assert_eq!(
        quotes(&run(body)),
        [pair("Ida Varga", "The pier needs paint")]
    );
}

/// `is quoted as saying` is one cue: its words are no content of their own.
#[test]
fn a_verb_as_saying_after_a_quote_is_one_cue() {
    let out = run("\"The pier needs paint,\" Ida Varga is quoted as saying.");
    assert_eq!(
        claim_pairs(&out),
        [pair("Ida Varga", "The pier needs paint")]
    );
    assert_eq!(out.claims[0].cue, "quoted as saying");
}

/// The verb after a quote and a name attributes nothing when an object or an infinitive
/// follows it, or when the quote is a title after a preposition.
#[test]
fn a_verb_after_a_quote_and_a_name_needs_no_object_and_an_opening_quote() {
    for body in [
        "\"Harbour Lights,\" Ida Varga painted the sign.",
        "\"Harbour Lights,\" Ida Varga struggled to finish.",
        "On \"Harbour Lights,\" Ida Varga pointed to the figures.",
    ] {
        assert!(
            run(body).quotes.is_empty(),
            "{body}: {:?}",
            quotes(&run(body))
        );
    }
}

/// `is said to have`, `is understood to have`: the subject raised over the participle is the
/// cue's source.
#[test]
fn a_subject_raised_over_said_to_is_the_source() {
    one_claim_each(&[
        (
            "Ida Varga is understood to have told aides that the pier would close.",
            "Ida Varga",
            "the pier would close",
        ),
        (
            "Ida Varga is said to have warned that the pier would close.",
            "Ida Varga",
            "the pier would close",
        ),
    ]);
}

/// `Several said`, `41% of tenants said`, `those polled say`: a share of a group, as polls
/// report, is the source.
#[test]
fn a_share_of_a_group_is_the_source() {
    one_claim_each(&[
        (
            "Nearly a third of the beekeepers said their hives had thinned.",
            "nearly a third of the beekeepers",
            "their hives had thinned",
        ),
        (
            "Those polled say the ferry fares are too high.",
            "those polled",
            "the ferry fares are too high",
        ),
        (
            "Several said the footbridge was unsafe.",
            "several",
            "the footbridge was unsafe",
        ),
        (
            "In Moravia, 41% of tenants said rents had doubled.",
            "41% of tenants",
            "rents had doubled",
        ),
    ]);
}

/// `A said C, while 35 percent said D`: the share after the contrast says D, and C ends
/// before it.
#[test]
fn a_share_after_a_contrast_starts_a_claim_of_its_own() {
    let out = run("Some 40 percent of growers said the frost had ruined the crop, while 35 percent said the harvest would recover.");
    assert_eq!(
        claim_pairs(&out),
        [
            pair(
                "some 40 percent of growers",
                "the frost had ruined the crop"
            ),
            pair("35 percent", "the harvest would recover"),
        ]
    );
}

/// A quantifier before a plural noun is no share: `several suspects have been questioned`,
/// `many reports suggest` hold no cue.
#[test]
fn a_quantifier_before_a_noun_makes_no_share() {
    for body in [
        "Several suspects have been questioned about the fire.",
        "Many reports suggest the glacier is shrinking.",
    ] {
        assert!(
            run(body).claims.is_empty(),
            "{body}: {:?}",
            claims(&run(body))
        );
    }
}

/// `said yes`, `said no`, `said the same of X`: an answer stands for a clause.
#[test]
fn an_answer_after_a_cue_is_its_content() {
    one_claim_each(&[
        (
            "Asked if the pier would reopen, Ida Varga said yes.",
            "Ida Varga",
            "yes",
        ),
        ("Ida Varga said no.", "Ida Varga", "no"),
    ]);
    let out = run("Ida Varga called the pier unsafe; Tom Brill said the same of the jetty.");
    assert_eq!(
        claim_pairs(&out),
        [pair("Tom Brill", "the same of the jetty")]
    );
}

/// `As the Gazette reported, C`: a cue in an `as` aside opening the sentence; what was said
/// follows the aside's comma.
#[test]
fn an_as_aside_before_the_clause_attributes_what_follows() {
    one_claim_each(&[
        (
            "As the Harbour Gazette reported, the ferry will stop running in June.",
            "Harbour Gazette",
            "the ferry will stop running in June",
        ),
        (
            "But as the mayor noted in her speech, the ferry has never made a profit.",
            "mayor",
            "the ferry has never made a profit",
        ),
    ]);
}

/// `C, as some residents have feared.`: an `as` aside closing the sentence attributes the
/// clause before it.
#[test]
fn an_as_aside_after_the_clause_attributes_what_precedes() {
    let out = run("The ferry will stop running in June, as some residents have feared.");
    let contents: Vec<String> = out.claims.iter().map(|c| c.content.clone()).collect();
    assert_eq!(contents, ["The ferry will stop running in June"]);
}

/// `The timetable, as the operator noted, will cut costs`: the aside splits a subject from
/// its predicate, and the claim is the whole sentence.
#[test]
fn an_as_aside_inside_a_clause_attributes_the_clause() {
    one_claim_each(&[(
        "The new timetable, as the operator noted, will cut costs.",
        "operator",
        "The new timetable, as the operator noted, will cut costs",
    )]);
}

/// `As Brandt attacked Ortega, the crowd chanted`: `as` with a verb and its object is `while`;
/// nothing is said.
#[test]
fn as_with_an_object_before_its_comma_makes_no_claim() {
    assert!(run("As Brandt attacked Ortega, the crowd chanted.")
        .claims
        .is_empty());
}

/// `hired an architect who said C`: a cue in a relative clause with no comma, after the
/// verb's object, is said by the antecedent.
#[test]
fn a_relative_clause_after_an_object_is_said_by_its_antecedent() {
    one_claim_each(&[(
        "The council hired an architect who said the roof would leak.",
        "architect",
        "the roof would leak",
    )]);
}

/// `farmers, many of whom say C`: a share of the antecedent speaks for it.
#[test]
fn many_of_whom_say_is_said_by_the_antecedent() {
    one_claim_each(&[(
        "The levy angered farmers, many of whom say the harvest will fail.",
        "farmers",
        "the harvest will fail",
    )]);
}

/// `the Harbour Trust, which notes that C`: `which` after a comma, as `who` does.
#[test]
fn which_after_a_comma_is_said_by_its_antecedent() {
    one_claim_each(&[(
        "The figures come from the Harbour Trust, which notes that ferry fares have doubled.",
        "Harbour Trust",
        "ferry fares have doubled",
    )]);
}

/// `a group that says C`: `that` after a noun that names who speaks.
#[test]
fn that_after_a_speaking_noun_is_said_by_it() {
    one_claim_each(&[(
        "Funds went to a group that says the levy is unfair.",
        "group",
        "the levy is unfair",
    )]);
}

/// `The study -- which notes that C -- was published`: dashes set the clause off.
#[test]
fn a_relative_clause_between_dashes_ends_at_the_closing_dash() {
    one_claim_each(&[(
        "The study -- which notes that fares have doubled -- was published on Monday.",
        "study",
        "fares have doubled",
    )]);
}

/// `Dana Whitlow, who said C, met donors`: the aside after the subject ends before the
/// subject's verb.
#[test]
fn a_relative_aside_after_the_subject_ends_before_its_verb() {
    one_claim_each(&[(
        "Dana Whitlow, who said she would stand, met donors on Friday.",
        "Dana Whitlow",
        "she would stand",
    )]);
}

/// `Dana Whitlow, who said C, later told reporters D`: the main clause's cue is read too.
#[test]
fn the_main_clause_after_a_relative_aside_keeps_its_claim() {
    let out =
        run("Dana Whitlow, who said she would stand, later told reporters the race was open.");
    assert_eq!(
        claim_pairs(&out),
        [
            pair("Dana Whitlow", "she would stand"),
            pair("Dana Whitlow", "the race was open")
        ]
    );
}

/// `"C," said Tom Reyes, who added that D`: the relative pronoun stands for the speaker just
/// named after the cue.
#[test]
fn who_after_an_inverted_cue_is_the_speaker_just_named() {
    let out = run("\"The ferry is safe,\" said Tom Reyes, who added that fares would fall.");
    assert!(
        claim_pairs(&out).contains(&pair("Tom Reyes", "fares would fall")),
        "{:?}",
        claim_pairs(&out)
    );
}

/// `He met Tom Reyes, who argued C`: the antecedent is the verb's object, not its subject.
#[test]
fn the_antecedent_after_a_verb_is_its_object() {
    one_claim_each(&[(
        "He met Tom Reyes, who argued that the ferry was safe.",
        "Tom Reyes",
        "the ferry was safe",
    )]);
}

/// `said last week that C`: the time after the cue is no part of what was said.
#[test]
fn said_last_week_that_skips_the_time() {
    one_claim_each(&[(
        "The mayor said last week that the ferry would stop.",
        "mayor",
        "the ferry would stop",
    )]);
}

/// `Ann Lee openly admitted that C`: a manner adverb between the subject and the cue (a
/// name that ends in `-ly` is still the subject: `Jan Kelly said`).
#[test]
fn a_manner_adverb_before_the_cue_keeps_the_subject() {
    one_claim_each(&[
        (
            "Councillor Jan Kelly said the ferry was late.",
            "Jan Kelly",
            "the ferry was late",
        ),
        (
            "Tom Reyes openly admitted that the ferry was late.",
            "Tom Reyes",
            "the ferry was late",
        ),
        (
            "Tom Reyes frequently notes that the ferry is cheap.",
            "Tom Reyes",
            "the ferry is cheap",
        ),
        (
            "Tom Reyes however said the ferry was cheap.",
            "Tom Reyes",
            "the ferry was cheap",
        ),
    ]);
}

/// `Voters who know him say C`: a base-form cue after a relative clause is the verb of the
/// plural before the clause, even when the clause ends in a singular word.
#[test]
fn a_base_cue_after_a_relative_clause_takes_the_plural_before_it() {
    one_claim_each(&[(
        "Many commuters who know the route say the ferry is faster.",
        "commuters",
        "the ferry is faster",
    )]);
}

/// `cited the report as proof`: `cite` takes what is cited, as `described` does.
#[test]
fn cited_is_a_cue() {
    let out = run("Tom Reyes cited the delays as proof that the ferry had failed.");
    assert_eq!(
        claim_pairs(&out),
        [pair(
            "Tom Reyes",
            "the delays as proof that the ferry had failed"
        )],
        "{:?}",
        claim_pairs(&out)
    );
}

/// `Ann Lee, who in 2010 said C, now backs it`: a year or a time between the relative
/// pronoun and the cue.
#[test]
fn a_time_between_who_and_the_cue() {
    let out = run("Tom Reyes, who in 2010 said the ferry would close, later ran it.");
    assert!(
        claim_pairs(&out).contains(&pair("Tom Reyes", "the ferry would close")),
        "{:?}",
        claim_pairs(&out)
    );
    let out = run("Tom Reyes last week said the ferry would close.");
    assert_eq!(
        claim_pairs(&out),
        [pair("Tom Reyes", "the ferry would close")],
        "{:?}",
        claim_pairs(&out)
    );
}

/// `said A, but admitted it was B`: the second cue, joined by `but` and followed by a
/// clause with a pronoun subject, says something of its own.
#[test]
fn a_joined_cue_before_a_pronoun_clause_ends_the_first_content() {
    let out = run("Tom Reyes said the ferry was safe, but admitted it was often late.");
    assert_eq!(
        claim_pairs(&out),
        [
            pair("Tom Reyes", "the ferry was safe"),
            pair("Tom Reyes", "it was often late")
        ],
        "{:?}",
        claim_pairs(&out)
    );
}

/// `agreed A, but he said B`: a cue whose subject pronoun follows a conjunction says
/// something of its own.
#[test]
fn a_pronoun_subject_after_a_conjunction_ends_the_first_content() {
    let out = run("Tom Reyes agreed the ferry was slow, but he said the fares were fair.");
    assert_eq!(
        claim_pairs(&out),
        [
            pair("Tom Reyes", "the ferry was slow"),
            pair("Tom Reyes", "the fares were fair")
        ],
        "{:?}",
        claim_pairs(&out)
    );
}

/// `which` is said of a thing: after `an adviser for X`, of the body X, not the adviser.
#[test]
fn which_after_a_person_described_before_a_preposition_is_said_of_the_body() {
    one_claim_each(&[(
        "Tom Reyes is an adviser for the Harlow Party, which denies taking donations.",
        "Harlow Party",
        "taking donations",
    )]);
}

/// A crosshead in capitals attributes nothing: `EX-BOSS SAYS SHE KNEW` is a headline.
#[test]
fn a_heading_in_capitals_makes_no_claim() {
    let out = run(
        "Acme denied it.\n\nEX-BOSS BLASTS HER CLAIMS, SAYS SHE KNEW ABOUT SALE\n\nSales fell.",
    );
    assert_eq!(claim_pairs(&out), [], "{:?}", claim_pairs(&out));
}

#[test]
fn a_name_with_a_relative_aside_before_the_cue_is_its_subject_not_content() {
    one_claim_each(&[(
        "Ann Lee, who saw it, said the car never stopped.",
        "Ann Lee",
        "the car never stopped",
    )]);
}

#[test]
fn a_term_named_by_known_as_or_dubbed_is_no_quote() {
    let out = run(
        "Ann Lee said the creature, known as \"the worm\", was rare, and that the plan, \
                   dubbed \"Project Mole\", would \"certainly fail\".",
    );
    let quotes: Vec<&str> = out.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(quotes, ["certainly fail"]);
}

#[test]
fn what_is_said_in_an_opening_subordinate_clause_ends_at_its_comma() {
    let out = run("After Ann Lee said the plant would close, Acme sold its shares.");
    assert_eq!(
        claim_pairs(&out),
        [pair("Ann Lee", "the plant would close")]
    );
}

#[test]
fn a_cue_in_an_opening_clause_leaves_a_quote_after_a_colon_to_the_subject() {
    let body = "With aides worried about turnout, Senator Ann Lee is rolling out a new slogan: \
                \"It is about all of us.\"";
    assert_eq!(
        quotes(&run(body)),
        [pair("Ann Lee", "It is about all of us.")]
    );
}
