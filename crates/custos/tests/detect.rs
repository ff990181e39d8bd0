use serde_json::{json, Value};

use crate::util::{json_lines, run_with_stdin, slice_chars};

fn entities_of(line: &Value) -> Vec<(String, String)> {
    line["entities"]
        .as_array()
        .expect("entities array")
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap_or_default().to_owned(),
                e["start"].to_string(),
            )
        })
        .collect()
}

custos_test!(detect_follows_the_contract, |_dir, cmd| {
    let text = "主播我手机 幺三八 1234 ５６７８ 发货快点";
    let input = format!(
        "{}\n{}\n",
        json!({"id": "a", "text": text}),
        json!({"id": "b", "text": "好看！扣1"})
    );
    let out = run_with_stdin(cmd.arg("detect"), input.as_bytes());
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[1]["entities"], json!([]));
    let phone = &lines[0]["entities"][0];
    assert_eq!(phone["type"], "PHONE_NUMBER");
    let (start, end) = (
        phone["start"].as_u64().unwrap(),
        phone["end"].as_u64().unwrap(),
    );
    assert_eq!(slice_chars(text, start, end), "幺三八 1234 ５６７８");
    let score = phone["score"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&score));
    assert!(phone["explanation"]["recognizer"].is_string());
});

custos_test!(
    bad_lines_are_reported_in_place_and_the_run_goes_on,
    |_dir, cmd| {
        let mut input = Vec::new();
        input.extend_from_slice(b"{\"id\":\"1\",\"text\":\"call me 13812345678\"}\n");
        input.extend_from_slice(b"not json at all\n");
        input.extend_from_slice(b"{\"text\":\"no id\"}\n");
        input.extend_from_slice(b"{\"id\":\"4\"}\n");
        input.extend_from_slice(b"{\"id\":\"5\",\"text\":\"\xff\xfe\"}\n");
        input.extend_from_slice(
            format!("{}\n", json!({"id": "6", "text": "x".repeat(300)})).as_bytes(),
        );
        input.extend_from_slice(b"{\"id\":7,\"text\":\"numeric id\"}\n");
        input.extend_from_slice(b"{\"id\":\"8\",\"text\":\"last one, fine\"}");
        let out = run_with_stdin(cmd.args(["detect", "--max-line-bytes", "200"]), &input);
        assert_eq!(
            out.status.code(),
            Some(1),
            "rejected lines make the exit status 1"
        );
        let lines = json_lines(&out);
        assert_eq!(lines.len(), 8, "one output line per input line");
        assert_eq!(lines[0]["id"], "1");
        assert_eq!(entities_of(&lines[0])[0].0, "PHONE_NUMBER");
        for (index, needle) in [
            (1, "not valid JSON"),
            (2, "\"id\""),
            (3, "\"text\""),
            (4, "UTF-8"),
            (5, "over the limit"),
            (6, "wrong shape"),
        ] {
            assert_eq!(lines[index]["line"], index + 1, "line {index}");
            let error = lines[index]["error"].as_str().expect("error message");
            assert!(error.contains(needle), "line {index}: {error}");
        }
        assert_eq!(lines[7]["id"], "8");
    }
);

custos_test!(empty_input_is_fine, |_dir, cmd| {
    let out = run_with_stdin(cmd.arg("detect"), b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
});

custos_test!(text_format_uses_line_numbers_as_ids, |dir, cmd| {
    let path = dir.write(
        "chat.txt",
        "hello\nmail me at zhang.wei@example.com\n".as_bytes(),
    );
    let out = cmd
        .args(["detect", "--format", "text", "--input"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "1");
    assert_eq!(lines[1]["id"], "2");
    assert_eq!(entities_of(&lines[1])[0].0, "EMAIL_ADDRESS");
});

custos_test!(missing_input_file_is_a_clear_error, |_dir, cmd| {
    let out = cmd
        .args(["detect", "--input", "no-such-file.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no-such-file.jsonl"), "{stderr}");
});

custos_test!(eval_prints_per_type_scores, |dir, cmd| {
    let gold = dir.write(
        "gold.jsonl",
        format!(
            "{}\n{}\n",
            json!({"id": "1", "text": "电话13812345678", "entities": [{"type": "PHONE_NUMBER", "start": 2, "end": 13}]}),
            json!({"id": "2", "text": "订单号 202405011234", "entities": [{"type": "X_other", "start": 0, "end": 3}]})
        )
        .as_bytes(),
    );
    let out = cmd.args(["eval", "--json"]).arg(&gold).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    let phone = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["entity"] == "PHONE_NUMBER")
        .unwrap();
    assert_eq!(phone["true_positives"], 1);
    let micro = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["entity"] == "micro")
        .unwrap();
    assert_eq!(micro["false_positives"], 0);
});

// The example of README.md's tour, pinned so that the README stays true.
custos_test!(readme_tour_output, |_dir, cmd| {
    let input = r#"{"id":"m1","text":"主播我手机 幺三八 1234 ５６７８，V信 abc_8888"}"#;
    let out = run_with_stdin(cmd.arg("detect"), input.as_bytes());
    assert!(out.status.success());
    let readme = include_str!("../../../README.md");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = stdout.trim_end();
    assert!(
        readme.contains(line),
        "README's tour no longer matches: {line}"
    );
});

custos_test!(out_of_range_flags_are_refused, |_dir, cmd| {
    let out = run_with_stdin(cmd.args(["detect", "--min-score", "7"]), b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("outside 0 to 1"));
});
