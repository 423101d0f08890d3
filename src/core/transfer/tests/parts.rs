//! Export and import a part at a time: the parts, their progress and their words.

use super::super::*;
use super::{interview, reflection};

fn db(interviews: usize, ratings: usize) -> Db {
    Db {
        interviews: (0..interviews)
            .map(|n| interview(&format!("i{n}"), n as Millis, "Initech"))
            .collect(),
        reflections: vec![reflection("i0", 1, "ok")],
        reviews: (0..ratings)
            .map(|n| crate::core::practice::ReviewEntry {
                id: format!("q{}", n % 7),
                at: 1_700_000_000_000 + n as Millis * 86_400_000,
                grade: crate::core::practice::Grade::Good,
                extra: Vec::new(),
            })
            .collect(),
        ..Db::default()
    }
}

/// How far an import was after each part: (parts read, parts in all).
type Seen = Vec<(usize, Option<usize>)>;

fn run_import(text: &str, part_bytes: usize) -> (Result<ImportFile, ImportError>, Seen) {
    let mut seen = Vec::new();
    let result =
        ImportJob::with_part_bytes(text.as_bytes().to_vec(), part_bytes).and_then(|mut job| {
            seen.push(job.progress());
            while !job.is_done() {
                job.step()?;
                seen.push(job.progress());
            }
            Ok(job.finish())
        });
    (result, seen)
}

#[test]
fn an_export_is_cut_into_parts_by_collection_and_run() {
    let data = db(120, 4_500);
    let job = ExportJob::new(&data, 7);
    // Interviews: 3 runs of 50; the log: 3 runs of 2,000; every other collection: one part.
    let others = TABLE.iter().filter(|r| r.exported).count() - 2;
    assert_eq!(job.progress(), (0, 3 + 3 + others));
    // An empty store still writes every collection, once.
    assert_eq!(
        ExportJob::new(&Db::default(), 7).progress(),
        (0, others + 2)
    );
}

#[test]
fn the_number_of_parts_is_known_once_the_file_is_checked() {
    let data = db(30, 40);
    let text = export(&data, 9).unwrap();
    let (result, seen) = run_import(&text, 512);
    assert_eq!(result.unwrap().db, data);
    // Nesting and envelope first, with no total yet; then a total that never changes and is
    // reached exactly.
    assert_eq!(&seen[..3], &[(0, None), (1, None), (2, None)]);
    let total = seen[3].1.unwrap();
    assert!(total > 8, "{seen:?}");
    assert!(seen[3..].iter().all(|(_, t)| *t == Some(total)));
    assert_eq!(seen.last(), Some(&(total, Some(total))));
}

#[test]
fn a_bad_record_in_a_later_part_refuses_the_file_with_its_number() {
    let mut value: serde_json::Value =
        serde_json::from_str(&export(&db(40, 0), 9).unwrap()).unwrap();
    value["collections"]["interviews"][37]["updated"] = "yesterday".into();
    value["collections"]["interviews"][39]["id"] = "i2".into();
    let text = value.to_string();
    let (result, seen) = run_import(&text, 300);
    let Err(ImportError::BadRecord {
        collection, index, ..
    }) = result
    else {
        panic!("{result:?}");
    };
    assert_eq!((collection, index), (Collection::Interviews, 37));
    assert!(seen.len() > 5, "refused only after some parts: {seen:?}");
    // A repeated id across two parts is found too.
    value["collections"]["interviews"][37]["updated"] = 5.into();
    let (result, _) = run_import(&value.to_string(), 300);
    assert_eq!(
        result,
        Err(ImportError::DuplicateId {
            collection: Collection::Interviews,
            id: "i2".into()
        })
    );
}

#[test]
fn an_older_file_is_migrated_in_one_part() {
    let text = include_str!("../../../../tests/fixtures/export-v1.json");
    let (result, seen) = run_import(text, 64);
    assert_eq!(result.unwrap(), parse_import(text.as_bytes()).unwrap());
    assert_eq!(seen.last(), Some(&(4, Some(4))));
}

#[test]
fn the_words_beside_the_progress_bar() {
    assert_eq!(
        progress(Doing::Reading, 3, Some(9)),
        "Reading your backup: 3 of 9 parts"
    );
    assert_eq!(
        progress(Doing::Reading, 0, None),
        "Reading your backup\u{2026}"
    );
    assert_eq!(
        progress(Doing::Writing, 1, Some(1)),
        "Writing your backup: 1 of 1 part"
    );
    assert_eq!(
        progress(Doing::Reading, 12, Some(10)),
        "Reading your backup: 10 of 10 parts"
    );
}
