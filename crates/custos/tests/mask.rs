//! `custos mask`: chat lines and records (JSON Lines, CSV) under policy views.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::{json, Value};

use crate::util::{json_lines, run_with_stdin, slice_chars, TestDir};

/// Contact details and identifiers that public chat must never show.
const HIDDEN_IN_CHAT: [&str; 7] = [
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "IM_ACCOUNT",
    "CN_RESIDENT_ID",
    "PAYMENT_CARD",
    "IBAN_CODE",
    "STREET_ADDRESS",
];

const KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const OTHER_KEY: &str = "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f";

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `eval/samples/chat.jsonl` of the repository.
fn chat_samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../eval/samples/chat.jsonl")
}

fn read_jsonl(path: &PathBuf) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("read samples")
        .lines()
        .map(|l| serde_json::from_str(l).expect("sample is JSON"))
        .collect()
}

/// A command with no tenant key in its environment, whatever the caller has.
fn custos(dir: &TestDir) -> Command {
    let mut cmd = dir.command();
    cmd.env_remove("CUSTOS_KEY").env_remove("CUSTOS_KEY_NAME");
    cmd
}

/// Runs `custos detect` over `{"id", "text"}` lines; returns id → entity types.
fn detected_types(dir: &TestDir, lines: &[(String, String)]) -> Vec<(String, Vec<String>)> {
    let input: String = lines
        .iter()
        .map(|(id, text)| format!("{}\n", json!({"id": id, "text": text})))
        .collect();
    let out = run_with_stdin(custos(dir).arg("detect"), input.as_bytes());
    assert!(out.status.success(), "detect: {}", stderr(&out));
    json_lines(&out)
        .iter()
        .map(|line| {
            let types = line["entities"]
                .as_array()
                .expect("entities")
                .iter()
                .map(|e| e["type"].as_str().expect("type").to_owned())
                .collect();
            (line["id"].as_str().expect("id").to_owned(), types)
        })
        .collect()
}

fn as_u64(v: &Value, field: &str) -> u64 {
    v[field]
        .as_u64()
        .unwrap_or_else(|| panic!("{field} in {v}"))
}

custos_test!(public_chat_hides_every_contact_detail, |dir, cmd| {
    let samples = chat_samples();
    let input = read_jsonl(&samples);
    let out = cmd
        .env_remove("CUSTOS_KEY")
        .arg("mask")
        .arg("--input")
        .arg(&samples)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let masked = json_lines(&out);
    assert_eq!(masked.len(), input.len(), "one output line per input line");

    let mut spans = 0;
    for (original, line) in input.iter().zip(&masked) {
        assert_eq!(line["id"], original["id"], "ids in input order");
        let before = original["text"].as_str().unwrap();
        let after = line["text"].as_str().expect("masked text");
        let entities = line["entities"].as_array().expect("entities");
        // text outside the entities is unchanged, gap by gap
        let (mut prev_orig, mut prev_out) = (0u64, 0u64);
        for entity in entities {
            spans += 1;
            assert!(
                entity["operator"].as_str().is_some_and(|s| !s.is_empty()),
                "operator in {entity}"
            );
            assert!(
                entity["rule"].as_str().is_some_and(|s| !s.is_empty()),
                "rule in {entity}"
            );
            let (os, oe) = (
                as_u64(entity, "original_start"),
                as_u64(entity, "original_end"),
            );
            let (s, e) = (as_u64(entity, "start"), as_u64(entity, "end"));
            assert!(prev_orig <= os && os < oe, "{entity}");
            assert!(prev_out <= s && s <= e, "{entity}");
            assert_eq!(
                slice_chars(before, prev_orig, os),
                slice_chars(after, prev_out, s),
                "text before {entity} in {}",
                line["id"]
            );
            (prev_orig, prev_out) = (oe, e);
        }
        let (len_orig, len_out) = (before.chars().count() as u64, after.chars().count() as u64);
        assert_eq!(
            slice_chars(before, prev_orig, len_orig),
            slice_chars(after, prev_out, len_out),
            "text after the last entity in {}",
            line["id"]
        );
        if entities.is_empty() {
            assert_eq!(before, after);
        }
    }
    assert!(
        spans >= 30,
        "the samples are full of PII; only {spans} masked"
    );

    // the samples do contain each hidden type before masking ...
    let originals: Vec<(String, String)> = input
        .iter()
        .map(|l| {
            (
                l["id"].as_str().unwrap().to_owned(),
                l["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let found: Vec<String> = detected_types(&dir, &originals)
        .into_iter()
        .flat_map(|(_, types)| types)
        .collect();
    for kind in HIDDEN_IN_CHAT {
        assert!(found.iter().any(|t| t == kind), "samples have no {kind}");
    }
    // ... and none of them after
    let masked_lines: Vec<(String, String)> = masked
        .iter()
        .map(|l| {
            (
                l["id"].as_str().unwrap().to_owned(),
                l["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for ((id, types), (_, text)) in detected_types(&dir, &masked_lines)
        .into_iter()
        .zip(&masked_lines)
    {
        for kind in types {
            assert!(
                !HIDDEN_IN_CHAT.contains(&kind.as_str()),
                "{id}: {kind} still detected in masked text {text:?}"
            );
        }
    }
});

/// An order as the shop system sends it.
fn order() -> Value {
    json!({
        "order": {
            "id": "O-20240611-0042",
            "quantity": 2,
            "total": 199.5,
            "items": ["口红 #999"],
            "receiver": {
                "name": "王秀英",
                "phone": "13900382768",
                "address": "西安市碑林区南大街2号"
            },
            "note": "到了打我电话13812345678"
        },
        "buyer": {"id_number": "350102199610107497", "email": "emwatson@mail.com"}
    })
}

fn mask_record(mut cmd: Command, view: &[&str], record: &Value) -> (Output, Value) {
    let out = run_with_stdin(
        cmd.args(["mask", "--records"]).args(view),
        format!("{record}\n").as_bytes(),
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "{}", stderr(&out));
    (out, lines.into_iter().next().unwrap())
}

custos_test!(courier_gets_what_a_courier_needs, |dir, cmd| {
    let courier = ["--purpose", "order_fulfillment", "--audience", "courier"];
    let mut record = order();
    // a phone stored as a number, outside every category: found by detection
    record["order"]["contact"] = json!(13812345678_u64);
    let (out, masked) = mask_record(cmd, &courier, &record);
    assert!(out.status.success(), "{}", stderr(&out));
    // the courier may see it, and it stays a number (not stringified)
    assert_eq!(masked["record"]["order"]["contact"], json!(13812345678_u64));
    let receiver = &masked["record"]["order"]["receiver"];
    assert_eq!(receiver["name"], "王秀英");
    assert_eq!(receiver["phone"], "13900382768");
    assert_eq!(receiver["address"], "西安市碑林区南大街2号");
    let fields = masked["fields"].as_array().expect("field decisions");
    let phone = fields
        .iter()
        .find(|f| f["path"] == "order.receiver.phone")
        .expect("decision for the phone");
    assert_eq!(phone["operator"], "keep");
    assert_eq!(phone["rule"], "courier-delivery");
    assert_eq!(phone["category"], "user.contact.phone");
    // the courier does not need the buyer's ID number
    let id = &masked["record"]["buyer"]["id_number"];
    assert!(
        id.as_str()
            .is_none_or(|s| !s.contains("350102199610107497")),
        "{masked}"
    );

    // the same record in public chat shows none of it
    let (out, masked) = mask_record(custos(&dir), &[], &record);
    assert_eq!(
        masked["record"]["order"]["contact"], "<PHONE_NUMBER>",
        "{masked}"
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = masked["record"].to_string();
    for secret in [
        "王秀英",
        "13900382768",
        "西安市碑林区南大街2号",
        "南大街",
        "13812345678",
        "350102199610107497",
        "emwatson@mail.com",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    assert_eq!(masked["record"]["order"]["receiver"]["name"], "王**");
    // the free-text note went through detection
    let note = masked["record"]["order"]["note"].as_str().expect("note");
    assert!(note.starts_with("到了打我电话"), "{note}");
    assert!(
        masked["text_fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["path"] == "order.note"
                && f["entities"][0]["type"] == "PHONE_NUMBER"
                && f["entities"][0]["operator"].is_string()
                && f["entities"][0]["rule"].is_string()),
        "{masked}"
    );
});

custos_test!(analysts_get_stable_keyed_pseudonyms, |dir, _cmd| {
    let analyst = ["--purpose", "analytics", "--audience", "analyst"];
    let run = |key: &str| {
        let mut cmd = custos(&dir);
        cmd.env("CUSTOS_KEY", key);
        let (out, masked) = mask_record(cmd, &analyst, &order());
        assert!(out.status.success(), "{}", stderr(&out));
        for stream in [stdout(&out), stderr(&out)] {
            assert!(!stream.contains(key), "the key leaked: {stream}");
            assert!(!stream.contains(&key[..16]), "the key leaked: {stream}");
        }
        masked
    };
    let first = run(KEY);
    let receiver = &first["record"]["order"]["receiver"];
    for field in ["name", "phone"] {
        let token = receiver[field].as_str().expect("a token");
        assert!(token.starts_with("tok_"), "{field}: {token}");
    }
    assert_ne!(receiver["name"], receiver["phone"]);
    assert!(first["record"]["buyer"]["id_number"]
        .as_str()
        .is_some_and(|t| t.starts_with("tok_")));
    // the address becomes its city, purchases are the analysts' subject
    let address = receiver["address"].as_str().expect("address");
    assert!(address.contains("西安"), "{address}");
    assert!(!address.contains("南大街"), "{address}");
    assert_eq!(first["record"]["order"]["total"], json!(199.5));
    assert_eq!(first["record"]["order"]["items"], json!(["口红 #999"]));

    let again = run(KEY);
    assert_eq!(first["record"], again["record"], "same key, same tokens");
    let other = run(OTHER_KEY);
    let other_receiver = &other["record"]["order"]["receiver"];
    for field in ["name", "phone"] {
        assert!(other_receiver[field].as_str().unwrap().starts_with("tok_"));
        assert_ne!(receiver[field], other_receiver[field], "{field}");
    }

    // the key from a file works the same way
    let key_file = dir.write("tenant.key", format!("{KEY}\n").as_bytes());
    let out = run_with_stdin(
        custos(&dir)
            .args(["mask", "--records", "--key-file"])
            .arg(&key_file)
            .args(analyst),
        format!("{}\n", order()).as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&out)[0]["record"], first["record"]);
});

custos_test!(a_malformed_key_is_refused_without_echoing_it, |dir, cmd| {
    let bad = &KEY[..63];
    let out = run_with_stdin(
        cmd.env("CUSTOS_KEY", bad).args([
            "mask",
            "--records",
            "--purpose",
            "analytics",
            "--audience",
            "analyst",
        ]),
        format!("{}\n", order()).as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(!err.contains(&bad[..16]), "the key leaked: {err}");
    let _ = dir;
});

custos_test!(pseudonyms_without_a_key_are_refused, |dir, cmd| {
    let input = dir.write("order.jsonl", format!("{}\n", order()).as_bytes());
    let out = cmd
        .env_remove("CUSTOS_KEY")
        .args([
            "mask",
            "--records",
            "--purpose",
            "analytics",
            "--audience",
            "analyst",
            "--input",
        ])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("CUSTOS_KEY"), "{err}");
});

custos_test!(records_drop_keep_and_report_bad_lines, |dir, cmd| {
    // marketing never sees ID or card numbers: the fields are dropped
    let record = json!({
        "buyer": {"id_number": "350102199610107497", "card_number": "6217997332513798", "level": 3},
        "order": {"total": 88, "items": ["面膜"], "quantity": 2},
        "count": 12
    });
    let mut input = format!("{record}\n").into_bytes();
    input.extend_from_slice(b"[1, 2, 3]\n");
    input.extend_from_slice(b"{\"order\": \n");
    input.extend_from_slice(b"{\"note\": \"\xff\xfe\"}\n");
    input.extend_from_slice(format!("{}\n", json!({"note": "x".repeat(300)})).as_bytes());
    input.extend_from_slice(b"{\"order\": {\"total\": 1.25}}");
    let out = run_with_stdin(
        cmd.env("CUSTOS_KEY", KEY).args([
            "mask",
            "--records",
            "jsonl",
            "--purpose",
            "marketing",
            "--audience",
            "marketing_team",
            "--max-line-bytes",
            "200",
        ]),
        &input,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 6, "one output line per input line");

    let masked = &lines[0]["record"];
    let buyer = masked["buyer"].as_object().expect("buyer");
    assert!(!buyer.contains_key("id_number"), "{masked}");
    assert!(!buyer.contains_key("card_number"), "{masked}");
    assert!(!masked.to_string().contains("350102199610107497"));
    let dropped: Vec<&Value> = lines[0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["operator"] == "drop")
        .collect();
    assert_eq!(dropped.len(), 2, "{}", lines[0]);
    assert_eq!(dropped[0]["rule"], "marketing-no-sensitive");
    // numbers stay numbers: kept by rule (purchases) or outside every category
    assert_eq!(masked["order"]["total"], json!(88));
    assert_eq!(masked["order"]["items"], json!(["面膜"]));
    assert_eq!(masked["order"]["quantity"], json!(2));
    assert_eq!(masked["buyer"]["level"], json!(3));
    assert_eq!(masked["count"], json!(12));

    for (index, needle) in [
        (1, "not an object"),
        (2, "not valid JSON"),
        (3, "UTF-8"),
        (4, "over the limit"),
    ] {
        assert_eq!(lines[index]["line"], index + 1, "line {index}");
        let error = lines[index]["error"].as_str().expect("error message");
        assert!(error.contains(needle), "line {index}: {error}");
        assert!(lines[index].get("record").is_none());
    }
    assert_eq!(lines[5]["record"]["order"]["total"], json!(1.25));
    let _ = dir;
});

custos_test!(csv_masks_by_column, |dir, cmd| {
    let csv = "order_id,receiver_name,phone,id_number,note\n\
               O-1,王秀英,13900382768,350102199610107497,到了打我电话13812345678\n\
               O-2,Emily Watson,+44 20 7946 0642,,\"leave it, please\"\n";
    let file = dir.write("orders.csv", csv.as_bytes());
    let out = cmd
        .env_remove("CUSTOS_KEY")
        .args(["mask", "--records", "csv", "--input"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        headers,
        ["order_id", "receiver_name", "phone", "id_number", "note"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert_eq!(&rows[0][0], "O-1");
    assert_eq!(&rows[0][1], "王**");
    assert_eq!(&rows[0][2], "<PHONE_NUMBER>");
    assert!(!rows[0][3].contains("350102199610107497"), "{text}");
    // the free-text column went through detection
    assert!(rows[0][4].starts_with("到了打我电话"), "{text}");
    assert!(!rows[0][4].contains("13812345678"), "{text}");
    assert_ne!(&rows[0][4], "到了打我电话");
    assert!(!rows[1][1].contains("Watson"), "{text}");
    assert!(!rows[1][2].contains("7946"), "{text}");
    assert_eq!(&rows[1][4], "leave it, please");

    // marketing drops the ID column, header and cells
    let out = custos(&dir)
        .env("CUSTOS_KEY", KEY)
        .args([
            "mask",
            "--records",
            "csv",
            "--purpose",
            "marketing",
            "--audience",
            "marketing_team",
            "--input",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(headers, ["order_id", "receiver_name", "phone", "note"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.len() == 4), "{text}");
    assert!(!text.contains("350102199610107497"), "{text}");
    // marketing reaches the phone only as an FF1 token of the same shape
    assert_eq!(rows[0][2].len(), 11, "{text}");
    assert!(rows[0][2].bytes().all(|b| b.is_ascii_digit()), "{text}");
    assert_ne!(&rows[0][2], "13900382768");
});

custos_test!(a_broken_policy_is_refused_before_any_output, |dir, cmd| {
    let source = custos_policy::DEFAULT_POLICY.replacen(
        "purposes = [\"marketing\"]\noperator = \"tokenize\"",
        "purposes = [\"markting\"]\noperator = \"tokenize\"",
        1,
    );
    assert_ne!(source, custos_policy::DEFAULT_POLICY);
    let policy = dir.write("broken.toml", source.as_bytes());
    let input = dir.write(
        "chat.jsonl",
        b"{\"id\":\"1\",\"text\":\"call me 13812345678\"}\n",
    );
    let out = cmd
        .arg("mask")
        .arg("--policy")
        .arg(&policy)
        .arg("--input")
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    let err = stderr(&out);
    // the lint listing: FILE:LINE:COLUMN: error: ...
    let prefix = format!("{}:", policy.display());
    let (line, rest) = err
        .lines()
        .filter(|l| l.contains("unknown purpose \"markting\""))
        .find_map(|l| l.strip_prefix(&prefix).map(|rest| (l, rest)))
        .unwrap_or_else(|| panic!("no lint line in\n{err}"));
    let mut parts = rest.splitn(3, ':');
    let line_no: usize = parts.next().unwrap().parse().expect("line number");
    let _column: usize = parts.next().unwrap().parse().expect("column number");
    assert!(
        source
            .lines()
            .nth(line_no - 1)
            .unwrap()
            .contains("markting"),
        "{line}"
    );
});

custos_test!(empty_input_gives_empty_output, |dir, cmd| {
    let out = run_with_stdin(cmd.env_remove("CUSTOS_KEY").arg("mask"), b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let out = run_with_stdin(custos(&dir).args(["mask", "--records"]), b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
});

// The mask example of README.md's tour, pinned so that the README stays true.
custos_test!(readme_mask_tour_output, |_dir, cmd| {
    let input = r#"{"id":"m1","text":"主播我手机 幺三八 1234 ５６７８，V信 abc_8888"}"#;
    let out = run_with_stdin(cmd.arg("mask"), input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let readme = include_str!("../../../README.md");
    let line = stdout(&out);
    let line = line.trim_end();
    assert!(
        readme.contains(line),
        "README's mask tour no longer matches: {line}"
    );
});
