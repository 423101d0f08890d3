use proptest::prelude::*;

use super::*;

fn params() -> KeyParams {
    KeyParams {
        iterations: ITERATIONS,
        salt: [7; SALT_LEN],
    }
}

#[test]
fn base64_matches_the_standard_vectors() {
    for (plain, coded) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(encode(plain.as_bytes()), coded);
        assert_eq!(decode(coded).as_deref(), Some(plain.as_bytes()));
    }
    for bad in [
        "Zg=", "Z===", "Zm9v!A==", "Zg==Zg==", "Zh==", "====", "Zm9vY===",
    ] {
        assert_eq!(decode(bad), None, "{bad}");
    }
}

#[test]
fn base64_reads_each_character_of_the_alphabet_as_its_place_and_nothing_else() {
    for c in 0..=u8::MAX {
        let place = ALPHABET.iter().position(|&a| a == c);
        let quad = [c, b'A', b'A', b'A'];
        let text = String::from_utf8_lossy(&quad);
        let got = decode(&text).map(|b| b[0] >> 2);
        assert_eq!(got, place.map(|p| p as u8), "{c}");
    }
}

#[test]
fn an_envelope_round_trips_and_says_what_it_is() {
    let e = Envelope::new(&params(), &[1; IV_LEN], &[9; 40]);
    let text = e.to_json();
    assert!(text.starts_with("{\"v\":1,\"kdf\":\"PBKDF2-SHA-256\",\"iter\":600000,\"salt\":"));
    assert!(looks_sealed(&text));
    let sealed = parse(&text).unwrap();
    assert_eq!(sealed.params, params());
    assert_eq!(sealed.iv, [1; IV_LEN]);
    assert_eq!(sealed.ct, vec![9; 40]);
    assert!(!looks_sealed("[{\"id\":\"a\"}]"));
    assert!(!looks_sealed("{\"theme\":\"dark\"}"));
}

#[test]
fn envelopes_this_version_cannot_open_say_why() {
    let good = Envelope::new(&params(), &[1; IV_LEN], &[9; 40]);
    let with = |f: &dyn Fn(&mut Envelope)| {
        let mut e = good.clone();
        f(&mut e);
        parse(&e.to_json())
    };
    assert_eq!(with(&|e| e.v = 2), Err(EnvelopeError::NewerFormat(2)));
    assert_eq!(with(&|e| e.v = 0), Err(EnvelopeError::NotAnEnvelope));
    assert_eq!(
        with(&|e| e.kdf = "scrypt".into()),
        Err(EnvelopeError::UnknownKdf("scrypt".into()))
    );
    assert_eq!(
        with(&|e| e.iter = 1000),
        Err(EnvelopeError::BadIterations(1000))
    );
    assert_eq!(
        with(&|e| e.iter = u32::MAX),
        Err(EnvelopeError::BadIterations(u32::MAX))
    );
    assert_eq!(
        with(&|e| e.salt = encode(&[1; 15])),
        Err(EnvelopeError::BadField("salt"))
    );
    assert_eq!(
        with(&|e| e.iv = "not base64".into()),
        Err(EnvelopeError::BadField("IV"))
    );
    assert_eq!(
        with(&|e| e.ct = encode(&[1; 15])),
        Err(EnvelopeError::BadField("ciphertext"))
    );
    assert_eq!(parse("[1,2,3]"), Err(EnvelopeError::NotAnEnvelope));
    let message = EnvelopeError::NewerFormat(2).to_string();
    assert!(message.contains("newer version"), "{message}");
}

#[test]
fn strength_goes_by_length_and_variety() {
    assert_eq!(strength("").0, Strength::TooShort);
    assert_eq!(strength("abc1234").0, Strength::TooShort);
    assert_eq!(strength("aaaaaaaaaaaa").0, Strength::Weak);
    assert_eq!(strength("password").0, Strength::Weak);
    assert_eq!(strength("Pa55word").0, Strength::Fair);
    assert_eq!(strength("correct horse battery staple").0, Strength::Strong);
    assert_eq!(strength("tram at seven, rain").0, Strength::Strong);
    // Never a grade of the person: the hint is about the passphrase.
    for p in ["", "password", "Pa55word", "correct horse battery staple"] {
        let hint = strength(p).1;
        assert!(!hint.to_lowercase().contains("you are"), "{hint}");
    }
}

proptest! {
    #[test]
    fn base64_round_trips_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        prop_assert_eq!(decode(&encode(&bytes)), Some(bytes));
    }

    #[test]
    fn decoding_any_text_never_panics(text in ".{0,80}") {
        if let Some(bytes) = decode(&text) {
            prop_assert_eq!(encode(&bytes), text);
        }
    }

    #[test]
    fn parsing_any_text_never_panics(text in ".{0,200}") {
        let _ = parse(&text);
        let _ = looks_sealed(&text);
    }

    #[test]
    fn parsing_any_envelope_shaped_text_never_panics(
        v in any::<u32>(), iter in any::<u32>(),
        salt in "[A-Za-z0-9+/=]{0,30}", iv in "[A-Za-z0-9+/=]{0,20}", ct in "[A-Za-z0-9+/=]{0,40}",
    ) {
        let text = format!(
            "{{\"v\":{v},\"kdf\":\"PBKDF2-SHA-256\",\"iter\":{iter},\"salt\":\"{salt}\",\"iv\":\"{iv}\",\"ct\":\"{ct}\"}}"
        );
        if let Ok(sealed) = parse(&text) {
            prop_assert!(sealed.ct.len() >= TAG_LEN);
            prop_assert!(sealed.params.iterations >= ITERATIONS);
        }
    }

    #[test]
    fn strength_of_any_text_never_panics(text in ".{0,60}") {
        let (s, hint) = strength(&text);
        prop_assert!(!hint.is_empty());
        if text.chars().count() < MIN_LEN {
            prop_assert_eq!(s, Strength::TooShort);
        }
    }
}

#[test]
fn only_the_collections_are_encrypted() {
    for key in [
        "rebound.interviews",
        "rebound.settings",
        "rebound.reviews.2026-03",
    ] {
        assert!(sealable(key), "{key}");
    }
    for key in [
        "rebound.schema",
        LOCK_KEY,
        "rebound.device",
        "rebound.damaged.interviews.5",
        "rebound.sealed.1.interviews",
        "rebound.from-a-newer-version",
    ] {
        assert!(!sealable(key), "{key}");
    }
}

#[test]
fn sealed_keys_name_their_generation_and_plain_key() {
    let key = sealed_key(3, "rebound.reviews.2026-03");
    assert_eq!(key, "rebound.sealed.3.reviews.2026-03");
    assert_eq!(
        unsealed_key(&key),
        Some((3, "rebound.reviews.2026-03".to_string()))
    );
    assert_eq!(unsealed_key("rebound.interviews"), None);
    assert_eq!(unsealed_key("rebound.sealed.x.interviews"), None);
}

#[test]
fn leftovers_are_the_form_the_lock_key_does_not_name() {
    let keys: Vec<String> = [
        "rebound.schema",
        "rebound.interviews",
        "rebound.sealed.1.interviews",
        "rebound.sealed.2.interviews",
        "rebound.damaged.interviews.5",
        LOCK_KEY,
    ]
    .map(String::from)
    .to_vec();
    let info = LockInfo {
        generation: 2,
        ..LockInfo::default()
    };
    assert_eq!(
        leftovers(keys.iter(), Some(&info)),
        ["rebound.interviews", "rebound.sealed.1.interviews"]
    );
    assert_eq!(
        leftovers(keys.iter(), None),
        ["rebound.sealed.1.interviews", "rebound.sealed.2.interviews"]
    );
}

#[test]
fn large_values_are_compressed_before_they_are_encrypted() {
    let small = r#"[{"id":"a"}]"#;
    assert_eq!(inner(small, 100), small.as_bytes());
    assert_eq!(outer(&inner(small, 100)).as_deref(), Ok(small));
    let large = format!("[{}]", vec![r#"{"id":"a","notes":"same"}"#; 500].join(","));
    let packed = inner(&large, 100);
    assert!(packed.len() * 10 < large.len());
    assert_eq!(outer(&packed), Ok(large));
    assert!(outer(&[1, 2, 3]).is_err());
    assert!(outer(&[0xff, 0xfe]).is_err());
}

#[test]
fn the_lock_key_reads_back_with_its_parameters() {
    let info = LockInfo::new(1, &params(), "sealed".to_string());
    let again = LockInfo::read(&info.to_json());
    assert_eq!(again.as_ref(), Some(&info));
    assert_eq!(info.params(), Some(params()));
    assert_eq!(info.auto_lock_minutes(), AUTO_DEFAULT);
    let weak = LockInfo {
        iter: 1000,
        ..info.clone()
    };
    assert_eq!(weak.params(), None);
    assert_eq!(LockInfo::read("{not json"), None);
    let never = LockInfo {
        auto_lock: 100_000,
        ..info
    };
    assert_eq!(never.auto_lock_minutes(), AUTO_MAX);
}

#[test]
fn no_room_says_how_much_is_needed() {
    assert!(no_room_words(1).contains("about 1 KB"));
    assert!(no_room_words(250_400).contains("about 251 KB"));
    assert!(no_room_words(2_300_000).contains("about 2.3 MB"));
    assert!(no_room_words(5).contains("Nothing was changed."));
}

#[test]
fn the_storage_meter_counts_an_encrypted_value_as_its_collection() {
    use crate::core::collections::{storage_label, Collection};
    assert_eq!(
        storage_label("rebound.sealed.2.interviews"),
        Collection::Interviews.row().title
    );
    assert_eq!(
        storage_label("rebound.sealed.2.reviews.2026-03"),
        storage_label("rebound.reviews.2026-03")
    );
}
