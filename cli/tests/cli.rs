//! The `bolt11` command-line tool: output fields, errors and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../tests/common/mod.rs"]
mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use bitcoin_hashes::Hash as _;
use common::*;
use serde_json::Value;

fn bolt11(args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bolt11")).args(args).env_remove("BOLT11_SECRET_KEY").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap(), json, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn decodes_every_valid_example_with_core_lightning_field_names() {
    for v in strictly_valid() {
        let s = v["invoice"].as_str().unwrap();
        let (code, j, _) = bolt11(&["decode", s]);
        assert_eq!(code, 0, "{}", v["name"]);
        assert_eq!(j["network"], v["network"]);
        assert_eq!(j["currency"], if v["network"] == "testnet" { "tb" } else { "bc" });
        assert_eq!(j["amount_msat"].as_u64(), v["amount_msat"].as_u64());
        assert_eq!(j.get("amount_msat").is_some(), v["amount_msat"].is_u64());
        assert_eq!(j["created_at"], v["timestamp"]);
        assert_eq!(j["expiry"].as_u64(), Some(v["expiry"].as_u64().unwrap_or(3600)));
        assert_eq!(j["expires_at"].as_u64(), Some(j["created_at"].as_u64().unwrap() + j["expiry"].as_u64().unwrap()));
        assert_eq!(j["min_final_cltv_expiry"].as_u64(), Some(v["min_final_cltv_expiry_delta"].as_u64().unwrap_or(18)));
        assert_eq!(j["payee"], v["payee_pubkey"]);
        assert_eq!(j["payment_hash"], v["payment_hash"]);
        assert_eq!(j["payment_secret"], v["payment_secret"]);
        assert_eq!(j.get("description").cloned().unwrap_or(Value::Null), v["description"]);
        assert_eq!(j.get("description_hash").cloned().unwrap_or(Value::Null), v["description_hash"]);
        assert_eq!(j["feature_bits"], v["features"]["bits"]);
        assert_eq!(j["signature"], v["signature"]["rs_hex"]);
        assert_eq!(j["recovery_id"], v["signature"]["recovery_id"]);
        let fallbacks = j.get("fallbacks").and_then(Value::as_array).cloned().unwrap_or_default();
        let want = v["fallbacks"].as_array().unwrap();
        assert_eq!(fallbacks.len(), want.len());
        for (g, w) in fallbacks.iter().zip(want) {
            assert_eq!(g["addr"], w["address"]);
            assert_eq!(g["type"], w["type"]);
            assert!(g["hex"].as_str().unwrap().contains(w["program_hex"].as_str().unwrap()));
        }
        let routes = j.get("routes").and_then(Value::as_array).cloned().unwrap_or_default();
        assert_eq!(routes.len(), v["route_hints"].as_array().unwrap().len());
        for (g, w) in routes
            .iter()
            .flat_map(|r| r.as_array().unwrap())
            .zip(v["route_hints"].as_array().unwrap().iter().flat_map(|r| r.as_array().unwrap()))
        {
            for key in
                ["pubkey", "short_channel_id", "fee_base_msat", "fee_proportional_millionths", "cltv_expiry_delta"]
            {
                assert_eq!(g[key], w[key], "{key}");
            }
        }
    }
}

#[test]
fn fallback_scripts_are_output_scripts() {
    let v = vector("On mainnet, with fallback (P2SH)");
    let (_, j, _) = bolt11(&["decode", v["invoice"].as_str().unwrap()]);
    assert_eq!(j["fallbacks"][0]["hex"], "a9148f55563b9a19f321c211e9b9f38cdf686ea0784587");
    let v = vector("On mainnet, with fallback (P2TR)");
    let (_, j, _) = bolt11(&["decode", v["invoice"].as_str().unwrap()]);
    assert_eq!(j["fallbacks"][0]["hex"], format!("5120{}", v["fallbacks"][0]["program_hex"].as_str().unwrap()));
}

#[test]
fn metadata_features_and_extra_fields() {
    let v = vector("Please send 0.01 BTC with payment metadata");
    let (_, j, _) = bolt11(&["decode", v["invoice"].as_str().unwrap()]);
    assert_eq!(j["payment_metadata"], "01fafaf0");
    assert_eq!(j["features"][2]["name"], "option_payment_metadata");
    assert_eq!(j["features"][2]["required"], true);
    // An unknown type `2` and a fallback of unknown version 19 are skipped and listed; bit 99
    // is an odd bit BOLT 9 has no name for.
    let s =
        with_fields(&[field('9', &to_words_features(&[8, 14, 99])), field('2', &[1, 2, 3]), field('f', &[19, 4, 5])]);
    let (code, j, _) = bolt11(&["decode", &s]);
    assert_eq!(code, 0, "{j}");
    assert_eq!(j["extra"], serde_json::json!([{"tag": "2", "data": "pzr"}, {"tag": "f", "data": "ny9"}]));
    assert_eq!(j["feature_bits"], serde_json::json!([8, 14, 99]));
    assert_eq!(j["features"][2]["name"], Value::Null);
}

#[test]
fn errors_are_json_with_kind_and_exit_1() {
    let v = vector("Bech32 checksum is invalid.");
    let (code, j, _) = bolt11(&["decode", v["invoice"].as_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(j["error"]["kind"], "invalid_checksum");
    assert!(j["error"]["message"].as_str().unwrap().contains("checksum"));
    let v = vector("Same, but including fields which must be ignored.");
    let (code, j, _) = bolt11(&["decode", v["invoice"].as_str().unwrap()]);
    assert_eq!((code, j["error"]["kind"].as_str()), (1, Some("duplicate_field")));
}

#[test]
fn network_option() {
    let v = vector("The same, on testnet");
    let s = v["invoice"].as_str().unwrap();
    assert_eq!(bolt11(&["decode", "--network", "testnet", s]).0, 0);
    let (code, j, _) = bolt11(&["decode", "--network", "bitcoin", s]);
    assert_eq!((code, j["error"]["kind"].as_str()), (1, Some("wrong_network")));
}

#[test]
fn no_verify_skips_the_signature() {
    let v = vector("Signature is not recoverable.");
    let s = v["invoice"].as_str().unwrap();
    let (code, j, _) = bolt11(&["decode", s]);
    assert_eq!((code, j["error"]["kind"].as_str()), (1, Some("unrecoverable_signature")));
    let (code, j, _) = bolt11(&["decode", "--no-verify", s]);
    assert_eq!(code, 0);
    assert!(j.get("payee").is_none() && j.get("payee_verified").is_none());
    assert_eq!(j["recovery_id"], 2);
}

#[test]
fn an_unverified_payee_is_marked() {
    // Issue 11, item 17: with --no-verify, `payee` is only what the `n` field claims.
    let v = vector("Please send $30 for coffee beans to the same peer, which supports features 8, 14 and 99");
    let s = with_fields(&[field('n', &to_words(&unhex(SPEC_PAYEE)))]);
    for invoice in [v["invoice"].as_str().unwrap(), &s] {
        let (_, verified, _) = bolt11(&["decode", invoice]);
        assert_eq!((verified["payee"].as_str(), verified["payee_verified"].as_bool()), (Some(SPEC_PAYEE), Some(true)));
    }
    let (_, unverified, _) = bolt11(&["decode", "--no-verify", &s]);
    assert_eq!((unverified["payee"].as_str(), unverified["payee_verified"].as_bool()), (Some(SPEC_PAYEE), Some(false)));
}

#[test]
fn description_option_checks_the_hash() {
    let v = vector("Now send $24 for an entire list of things (hashed)");
    let s = v["invoice"].as_str().unwrap();
    let preimage = v["description_hash_preimage"].as_str().unwrap();
    assert_eq!(bolt11(&["decode", "--description", preimage, s]).0, 0);
    let (code, j, _) = bolt11(&["decode", "--description", "not it", s]);
    assert_eq!((code, j["error"]["kind"].as_str()), (1, Some("description_mismatch")));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(bolt11(&[]).0, 2);
    // With no INVOICE and standard input not a terminal (empty here), `decode` reads a stream:
    // no lines, no output, success.
    let out = Command::new(env!("CARGO_BIN_EXE_bolt11")).arg("decode").output().unwrap();
    assert_eq!((out.status.code(), out.stdout.len()), (Some(0), 0));
    assert_eq!(bolt11(&["decode", "--jobs", "0", "-"]).0, 2);
    assert_eq!(bolt11(&["decode", "--pretty", "-"]).0, 2);
    assert_eq!(bolt11(&["frobnicate", "x"]).0, 2);
    let (code, _, err) = bolt11(&["decode", "--network", "moon", "lnbc1"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown network"));
    assert_eq!(bolt11(&["decode", "--bogus", "lnbc1"]).0, 2);
}

const KEY: &str = "e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734";

#[test]
fn make_prints_each_api_response_and_check_accepts_it() {
    let cases = [
        ("webln", r#"{"amount": 1000, "defaultMemo": "hi"}"#),
        ("nwc", r#"{"method": "make_invoice", "params": {"amount": 123, "description": "string", "expiry": 213}}"#),
        (
            "lnpay",
            r#"{"num_satoshis": 5, "memo": "Test invoice from the docs", "passThru": " {\"ticketId\":\"556\"} "}"#,
        ),
        ("bitfinex", r#"{"wallet": "exchange", "currency": "LNX", "amount": "0.001"}"#),
    ];
    let preimage = "11".repeat(32);
    for (api, request) in cases {
        let (code, j, _) =
            bolt11(&["make", "--api", api, "--key", KEY, "--network", "signet", "--preimage", &preimage, request]);
        assert_eq!(code, 0, "{api}: {j}");
        let invoice = match api {
            "webln" => j["paymentRequest"].as_str(),
            "nwc" => j["result"]["invoice"].as_str(),
            "lnpay" => j["payment_request"].as_str(),
            _ => j[1].as_str(),
        }
        .unwrap()
        .to_owned();
        assert!(invoice.starts_with("lntbs"), "{invoice}");
        let (code, decoded, _) = bolt11(&["decode", &invoice]);
        assert_eq!(code, 0);
        // The payment hash is the preimage's SHA-256.
        assert_eq!(decoded["payment_hash"], "02d449a31fbb267c8f352e9968a79e3e5fc95c1bbeaa502fd6454ebde5a4bedc");
        assert_eq!(decoded["payee"], SPEC_PAYEE);
        let (code, report, _) = bolt11(&["check", "--api", api, "--network", "signet", request, &invoice]);
        assert_eq!((code, report["ok"].as_bool()), (0, Some(true)), "{api}: {report}");
        assert_eq!(report["violations"], serde_json::json!([]));
    }
}

#[test]
fn make_amount_choice_and_refusals() {
    let range = r#"{"minimumAmount": 10, "maximumAmount": 20}"#;
    let (code, j, _) = bolt11(&["make", "--api", "webln", "--key", KEY, "--amount-sats", "15", range]);
    assert_eq!(code, 0);
    let (_, d, _) = bolt11(&["decode", j["paymentRequest"].as_str().unwrap()]);
    assert_eq!(d["amount_msat"], 15_000);
    let (code, j, _) = bolt11(&["make", "--api", "webln", "--key", KEY, "--amount-sats", "21", range]);
    assert_eq!((code, j["error"]["kind"].as_str()), (1, Some("amount_above_maximum")));
    let (code, j, _) = bolt11(&["make", "--api", "nwc", "--key", KEY, r#"{"method": "make_invoice", "params": {}}"#]);
    assert_eq!(
        (code, j["error"]["code"].as_str(), j["error"]["kind"].as_str()),
        (1, Some("OTHER"), Some("amount_required"))
    );
    let (code, j, _) = bolt11(&["make", "--api", "bitfinex", "--key", KEY, r#"{"amount": "0"}"#]);
    assert_eq!((code, j["error"]["kind"].as_str()), (1, Some("bitfinex_amount_out_of_range")));
    // Usage errors.
    assert_eq!(bolt11(&["make", "--api", "webln", r#"{}"#]).0, 2);
    assert_eq!(bolt11(&["make", "--api", "paypal", "--key", KEY, r#"{}"#]).0, 2);
    assert_eq!(bolt11(&["make", "--api", "webln", "--key", "00", r#"{}"#]).0, 2);
}

#[test]
fn check_flags_a_provider_that_returned_the_wrong_amount() {
    let (_, j, _) = bolt11(&["make", "--api", "webln", "--key", KEY, r#"{"amount": 999}"#]);
    let invoice = j["paymentRequest"].as_str().unwrap();
    let (code, report, _) = bolt11(&["check", "--api", "webln", r#"{"amount": 1000}"#, invoice]);
    assert_eq!(code, 1);
    assert_eq!(report["ok"], false);
    assert_eq!(report["violations"][0]["kind"], "amount_mismatch");
    assert!(report["violations"][0]["message"].as_str().unwrap().contains("999000"));
    let (code, report, _) = bolt11(&["check", "--api", "webln", "--network", "testnet", r#"{"amount": 999}"#, invoice]);
    assert_eq!((code, report["violations"][0]["kind"].as_str()), (1, Some("wrong_network")));
    // An old spec example has long expired.
    let v = vector("Please send $3 for a cup of coffee");
    let (code, report, _) =
        bolt11(&["check", "--api", "webln", r#"{"amount": 250000}"#, v["invoice"].as_str().unwrap()]);
    assert_eq!((code, report["violations"][0]["kind"].as_str()), (1, Some("expired")));
}

/// Starts `bolt11` with every standard stream piped.
fn spawn_bolt11(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_bolt11"))
        .args(args)
        .env_remove("BOLT11_SECRET_KEY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Runs `bolt11` with `input` on standard input; its exit status, standard output and error.
fn bolt11_with_input(args: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = spawn_bolt11(args);
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_stream_gives_what_single_decodes_give_line_by_line() {
    // Issue 14: one compact JSON line per input line, in order, each what `bolt11 decode LINE`
    // prints: valid, invalid, blank, over-long and CRLF-ended lines alike.
    let valid: Vec<String> = strictly_valid().iter().map(|v| v["invoice"].as_str().unwrap().to_owned()).collect();
    let mut lines: Vec<String> = Vec::new();
    for (i, v) in valid.iter().enumerate() {
        lines.push(v.clone());
        lines.push(match i % 5 {
            0 => String::new(),
            1 => format!("  lightning:{v}  "),
            2 => "lnbc1bogus".to_owned(),
            3 => format!("{v}\r"),
            _ => "q".repeat(8000 + i),
        });
    }
    lines.push(format!("lightning:{}", "q".repeat(70_000)));
    let input = lines.join("\n");
    for flags in [&[][..], &["--no-verify", "--lenient"][..]] {
        for jobs in ["1", "8"] {
            let mut args = vec!["decode", "-j", jobs];
            args.extend_from_slice(flags);
            args.push("-");
            let (code, out, _) = bolt11_with_input(&args, input.as_bytes());
            let got: Vec<&str> = out.lines().collect();
            assert_eq!(got.len(), lines.len());
            assert_eq!(code, 1, "some lines do not decode");
            for (line, got) in lines.iter().zip(&got) {
                let mut single = vec!["decode", "--compact"];
                single.extend_from_slice(flags);
                single.push(line);
                let (_, want, _) = bolt11(&single);
                let got: Value = serde_json::from_str(got).unwrap();
                assert_eq!(got, want, "{line:.40}");
            }
            // The last line: 70,000 characters after the prefix, counted without being kept.
            assert_eq!(serde_json::from_str::<Value>(got.last().unwrap()).unwrap()["error"]["kind"], "too_long");
            assert!(got.last().unwrap().contains("is 70000 characters long"));
        }
    }
    // Every line decodes: exit 0; standard input not a terminal and no INVOICE: a stream too.
    let (code, out, _) = bolt11_with_input(&["decode"], format!("{}\n{}\r\n", valid[0], valid[1]).as_bytes());
    assert_eq!((code, out.lines().count()), (0, 2));
}

#[test]
fn a_long_stream_keeps_its_order_on_many_threads() {
    // Lines of three kinds, so that threads draw blocks of different cost.
    let valid = strictly_valid();
    let kinds: Vec<String> = valid.iter().map(|v| v["invoice"].as_str().unwrap().to_owned()).collect();
    let lines: Vec<String> =
        (0..3000).map(|i| if i % 7 == 0 { format!("bad{i}") } else { kinds[i % kinds.len()].clone() }).collect();
    let (code, out, _) = bolt11_with_input(&["decode", "-j", "16", "--no-verify"], lines.join("\n").as_bytes());
    assert_eq!(code, 1);
    let got: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(got.len(), 3000);
    for (i, g) in got.iter().enumerate() {
        if i % 7 == 0 {
            assert!(g["error"].is_object(), "{i}");
        } else {
            let want = &valid[i % kinds.len()];
            assert_eq!(g["payment_hash"], want["payment_hash"], "{i}");
            assert_eq!(g["created_at"], want["timestamp"], "{i}");
        }
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_program_quietly() {
    // Issue 11, item 15: `bolt11 decode … | head -c1` exited 101 with a panic message.
    let valid = strictly_valid()[0]["invoice"].as_str().unwrap().to_owned();
    for args in [vec!["decode", "-"], vec!["decode", valid.as_str()]] {
        let mut child = spawn_bolt11(&args);
        let mut stdin = child.stdin.take().unwrap();
        let input = format!("{valid}\n").repeat(20_000);
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 1];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"), "{args:?}");
    }
}

#[test]
fn descriptions_cannot_disguise_the_output() {
    // Issue 11, item 18: a bidirectional override in a description is written as an escape,
    // so the terminal shows it rather than obeying it; the JSON value is unchanged.
    let text = "1 cup coffee \u{202e}eerf si\u{202c} \u{2066}x";
    let s = with_fields_description(text);
    for layout in ["--pretty", "--compact"] {
        let out = Command::new(env!("CARGO_BIN_EXE_bolt11")).args(["decode", layout, &s]).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains("\\u202eeerf si\\u202c \\u2066x"), "{stdout}");
        assert!(!stdout.contains('\u{202e}'));
        assert_eq!(serde_json::from_str::<Value>(&stdout).unwrap()["description"], text);
    }
    // Issue 19, item 6: characters that show as nothing are escaped too; tag characters lie
    // beyond the Basic Multilingual Plane, so each is a surrogate pair in JSON.
    let text = "5 sats\u{e0050}\u{e0041}\u{e0059}\u{3164}\u{2062}\u{ad}\u{180e}";
    let s = with_fields_description(text);
    let out = Command::new(env!("CARGO_BIN_EXE_bolt11")).args(["decode", "--compact", &s]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("5 sats\\udb40\\udc50\\udb40\\udc41\\udb40\\udc59\\u3164\\u2062\\u00ad\\u180e"),
        "{stdout}"
    );
    assert!(stdout.is_ascii());
    assert_eq!(serde_json::from_str::<Value>(&stdout).unwrap()["description"], text);
}

#[test]
fn make_keeps_the_key_off_the_command_line_and_hands_over_the_preimage() {
    // Issue 11, item 16: the key from a file or the environment; a preimage the tool invents
    // reaches the user on standard error (or in a file), while standard output stays the API's
    // response.
    let dir = std::env::temp_dir().join(format!("bolt11-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key_file = dir.join("key");
    std::fs::write(&key_file, format!("{KEY}\n")).unwrap();
    let key_file = key_file.to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_bolt11"))
        .args(["make", "--api", "webln", "--key-file", key_file, "1000"])
        .env_remove("BOLT11_SECRET_KEY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stderr: Value = serde_json::from_slice(&out.stderr).unwrap();
    let preimage = unhex(stderr["payment_preimage"].as_str().unwrap());
    let (_, decoded, _) = bolt11(&["decode", body["paymentRequest"].as_str().unwrap()]);
    let hash = bitcoin_hashes::sha256::Hash::hash(&preimage);
    assert_eq!(decoded["payment_hash"], hex(hash.to_byte_array()));
    assert_eq!(decoded["amount_msat"], 1_000_000);
    assert_eq!(decoded["payee"], SPEC_PAYEE);
    // The environment, and a preimage file readable by its owner only.
    let preimage_file = dir.join("preimage");
    let out = Command::new(env!("CARGO_BIN_EXE_bolt11"))
        .args(["make", "--api", "webln", "--preimage-file", preimage_file.to_str().unwrap(), r#"{"amount": 5}"#])
        .env("BOLT11_SECRET_KEY", KEY)
        .output()
        .unwrap();
    assert_eq!((out.status.code(), out.stderr.len()), (Some(0), 0));
    let written = std::fs::read_to_string(&preimage_file).unwrap();
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    let (_, decoded, _) = bolt11(&["decode", body["paymentRequest"].as_str().unwrap()]);
    let hash = bitcoin_hashes::sha256::Hash::hash(&unhex(written.trim()));
    assert_eq!(decoded["payment_hash"], hex(hash.to_byte_array()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&preimage_file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // A given preimage is not echoed; two key sources are refused.
    let (code, _, err) = bolt11(&["make", "--api", "webln", "--key", KEY, "--preimage", &"11".repeat(32), "5"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(bolt11(&["make", "--api", "webln", "--key", KEY, "--key-file", key_file, "5"]).0, 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_defaults_to_bitcoin() {
    // Issue 11, item 14: the tool checks the network unless told `any`.
    let v = vector("The same, on testnet");
    let s = v["invoice"].as_str().unwrap();
    let (code, report, _) = bolt11(&["check", "--api", "webln", "{}", s]);
    assert_eq!((code, report["violations"][0]["kind"].as_str()), (1, Some("wrong_network")));
    let (_, report, _) = bolt11(&["check", "--api", "webln", "--network", "any", "{}", s]);
    assert!(report["violations"].as_array().unwrap().iter().all(|v| v["kind"] != "wrong_network"));
    let (_, report, _) = bolt11(&["check", "--api", "webln", "--network", "testnet", "{}", s]);
    assert!(report["violations"].as_array().unwrap().iter().all(|v| v["kind"] != "wrong_network"));
}

#[test]
fn every_command_has_help_and_the_tool_a_version() {
    for (args, needle) in [
        (vec!["--help"], "bolt11 decode"),
        (vec!["decode", "--help"], "JSON Lines"),
        (vec!["make", "--help"], "--key-file"),
        (vec!["check", "--help"], "default bitcoin"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_bolt11")).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8(out.stdout).unwrap().contains(needle), "{args:?}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_bolt11")).arg("--version").output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), concat!("bolt11 ", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_reader_that_goes_away_leaves_the_status_of_the_lines_read() {
    // Issue 19, item 4: a stream cut by its reader exited 0 though lines had failed.
    let valid = strictly_valid()[0]["invoice"].as_str().unwrap().to_owned();
    let mut child = spawn_bolt11(&["decode", "-j", "1", "-"]);
    let mut stdin = child.stdin.take().unwrap();
    let input = format!("bogus\n{}", format!("{valid}\n").repeat(200_000));
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_closed_standard_error_is_no_panic() {
    // Issue 19, item 4: usage errors with standard error closed exited 101 with a panic.
    for args in [&["decode", "--bogus"][..], &["nope"][..], &["make", "--api", "webln", "--key", KEY, "5"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_bolt11"))
            .args(args)
            .env_remove("BOLT11_SECRET_KEY")
            .stderr(Stdio::null())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(101), "{args:?}");
    }
    // A closed descriptor, not /dev/null: writing fails.
    let out = Command::new("sh")
        .args(["-c", &format!("{} decode --bogus 2>&-", env!("CARGO_BIN_EXE_bolt11"))])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new("sh")
        .args(["-c", &format!("{} make --api webln --key {KEY} 5 2>&-", env!("CARGO_BIN_EXE_bolt11"))])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "the response is still written");
}

#[test]
fn stream_lines_are_measured_as_single_decodes_measure_them() {
    // Issue 19, item 4: whitespace past 64 KiB underflowed a length; a valid invoice padded past
    // 64 KiB got a length not its own.
    let valid = strictly_valid()[0]["invoice"].as_str().unwrap().to_owned();
    let blank = " ".repeat(70_000);
    // Past 64 KiB in all, under the 128 KiB one command-line argument may take.
    let padded = format!("{}{valid}{}", " ".repeat(40_000), "\t".repeat(30_000));
    let long = format!("  lightning:{}  ", "q".repeat(80_000));
    let input = format!("{blank}\n{padded}\n{long}\n");
    let (code, out, _) = bolt11_with_input(&["decode", "-"], input.as_bytes());
    assert_eq!(code, 1);
    let got: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(got[0]["error"]["kind"], "empty");
    assert_eq!(got[1]["payment_hash"], strictly_valid()[0]["payment_hash"]);
    assert_eq!(got[2]["error"]["kind"], "too_long");
    assert!(got[2]["error"]["message"].as_str().unwrap().contains("80000 characters"), "{}", got[2]);
    assert_eq!(got[0], bolt11(&["decode", "--compact", &blank]).1);
    assert_eq!(got[1], bolt11(&["decode", "--compact", &padded]).1);
}

#[test]
fn what_is_not_an_invoice_is_named_for_what_it_is() {
    // Issue 19, item 8: the tool reads pasted input as the library's PaymentInput does.
    let coffee = vector("Please send $3 for a cup of coffee")["invoice"].as_str().unwrap().to_owned();
    for (input, kind) in [
        ("lno1pqps7sjqpgtyzm3qv4uxzmtsd3jjqer9wd3hy6tsw35k7msjzfpy7nz5yqcnygrfdej82um5wf5k2uckyypwa3eyt44h6txtxquqh7lz5djge4afgfjn7k4rgrkuag0jsd5xvxg", "bolt12_offer"),
        ("lnurl1dp68gurn8ghj7um9wfmxjcm99e3k7mf0v9cxj0m385ekvcenxc6r2c35xvukxefcv5mkvv34x5ekzd3ev56nyd3hxqurzepexejxxepnxscrvwfnv9nxzcn9xq6xyefhvgcxxcmyxymnserxfq5fns", "lnurl"),
        ("satoshi@example.com", "lightning_address"),
        ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "on_chain_address"),
        ("bitcoin:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4?amount=1", "on_chain_address"),
        ("bitcoin:?lno=lno1qgsq", "uri_offer_only"),
        ("hello", "unrecognised"),
    ] {
        let (code, j, _) = bolt11(&["decode", input]);
        assert_eq!((code, j["error"]["kind"].as_str()), (1, Some(kind)), "{input}");
    }
    // An invoice behind lightning:// or inside a bitcoin: URI decodes.
    for input in [format!("lightning://{coffee}"), format!("bitcoin:?amount=0.0025&lightning={coffee}")] {
        let (code, j, _) = bolt11(&["decode", &input]);
        assert_eq!(
            (code, j["payment_hash"].clone()),
            (0, vector("Please send $3")["payment_hash"].clone()),
            "{input:.40}"
        );
    }
    // A URI whose address is for another network than its invoice.
    let testnet = vector("The same, on testnet")["invoice"].as_str().unwrap().to_owned();
    let (_, j, _) =
        bolt11(&["decode", &format!("bitcoin:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4?lightning={testnet}")]);
    assert_eq!(j["error"]["kind"], "network_mismatch");
}

#[test]
fn core_lightning_and_lnd_objects_field_for_field() {
    // Issue 19, item 9: `--format cln` is Core Lightning's `decode`, `--format lnd` lnd's
    // `decodepayreq`, so that scripts written for either keep working.
    let v = vector("On mainnet, with fallback address 1RustyRX2oai4EYYDpQGWvEL62BBGqN9T with extra routing info");
    let s = v["invoice"].as_str().unwrap();
    let (code, cln, _) = bolt11(&["decode", "--format", "cln", s]);
    assert_eq!(code, 0);
    let keys: Vec<&str> = cln.as_object().unwrap().keys().map(String::as_str).collect();
    let mut want = vec![
        "type",
        "currency",
        "created_at",
        "expiry",
        "payee",
        "amount_msat",
        "description_hash",
        "min_final_cltv_expiry",
        "payment_secret",
        "features",
        "fallbacks",
        "routes",
        "payment_hash",
        "signature",
        "valid",
    ];
    want.sort_unstable();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, want);
    assert_eq!(cln["type"], "bolt11 invoice");
    assert_eq!(cln["valid"], true);
    assert_eq!(cln["features"], "4100"); // bits 8 and 14 in the field's two bytes
    assert_eq!(cln["amount_msat"], 2_000_000_000u64);
    assert_eq!(cln["routes"][0][1]["short_channel_id"], "197637x395016x2314");
    assert_eq!(
        cln["fallbacks"][0],
        serde_json::json!({"type": "P2PKH", "addr": "1RustyRX2oai4EYYDpQGWvEL62BBGqN9T", "hex": "76a91404b61f7dc1ea0dc99424464cc4064dc564d91e8988ac"})
    );
    // The signature DER-encoded, as Core Lightning writes it: the same r and s.
    let der = unhex(cln["signature"].as_str().unwrap());
    let sig = lightning_bolt11::secp256k1::ecdsa::Signature::from_der(&der).unwrap();
    assert_eq!(hex(sig.serialize_compact()), v["signature"]["rs_hex"].as_str().unwrap());
    // Its field order, too.
    let text = Command::new(env!("CARGO_BIN_EXE_bolt11"))
        .args(["decode", "--format", "cln", "--compact", s])
        .output()
        .unwrap()
        .stdout;
    let text = String::from_utf8(text).unwrap();
    let order: Vec<usize> = [
        "\"type\"",
        "\"currency\"",
        "\"payee\"",
        "\"min_final_cltv_expiry\"",
        "\"routes\"",
        "\"payment_hash\"",
        "\"signature\"",
        "\"valid\"",
    ]
    .iter()
    .map(|k| text.find(k).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");

    let (_, lnd, _) = bolt11(&["decode", "--format", "lnd", s]);
    assert_eq!(lnd["destination"], SPEC_PAYEE);
    assert_eq!(lnd["num_satoshis"], "2000000");
    assert_eq!(lnd["num_msat"], "2000000000");
    assert_eq!(lnd["timestamp"], "1496314658");
    assert_eq!(lnd["expiry"], "3600");
    assert_eq!(lnd["cltv_expiry"], "18");
    assert_eq!(lnd["description"], "");
    assert_eq!(lnd["fallback_addr"], "1RustyRX2oai4EYYDpQGWvEL62BBGqN9T");
    assert_eq!(lnd["payment_addr"], "1111111111111111111111111111111111111111111111111111111111111111");
    assert_eq!(lnd["route_hints"][0]["hop_hints"][0]["chan_id"], "72623859790382856");
    assert_eq!(lnd["route_hints"][0]["hop_hints"][0]["fee_base_msat"], 1);
    assert_eq!(lnd["features"]["8"], serde_json::json!({"name": "tlv-onion", "is_required": true, "is_known": true}));
    assert_eq!(lnd["features"]["14"]["name"], "payment-addr");
    assert_eq!(lnd["blinded_paths"], serde_json::json!([]));
    // An unknown bit is named "unknown", as lnd does.
    let u = vector("Please send $30 for coffee beans to the same peer, which supports features 8, 14 and 99");
    let (_, lnd, _) = bolt11(&["decode", "--format", "lnd", u["invoice"].as_str().unwrap()]);
    assert_eq!(lnd["features"]["99"], serde_json::json!({"name": "unknown", "is_required": false, "is_known": false}));
}

#[test]
fn blinded_invoices_through_the_tool() {
    let text = include_str!("../../test-vectors/blinded-invoices.json");
    let others: Value = serde_json::from_str(text).unwrap();
    let lnd_invoice = others["invoices"][0]["invoice"].as_str().unwrap();
    let (code, j, _) = bolt11(&["decode", lnd_invoice]);
    assert_eq!((code, j["error"]["kind"].as_str()), (1, Some("blinded_without_payment_secret")));
    let (code, j, _) = bolt11(&["decode", "--profile", "blinded", lnd_invoice]);
    assert_eq!(code, 0);
    assert_eq!(j["blinded_paths"].as_array().unwrap().len(), 3);
    assert_eq!(j["blinded_paths"][0]["htlc_maximum_msat"], 7_128_000_000u64);
    // lnd's own decodepayreq of it, from its documentation.
    let (_, lnd, _) = bolt11(&["decode", "--profile", "blinded", "--format", "lnd", lnd_invoice]);
    assert_eq!(lnd["payment_addr"], "");
    assert_eq!(
        lnd["features"]["262"],
        serde_json::json!({"name": "bolt-11-blinded-paths", "is_required": true, "is_known": true})
    );
    let p = &lnd["blinded_paths"][1];
    assert_eq!(
        p["blinded_path"]["introduction_node"],
        "03c157946cc1cd376b929e36006e645fae490b1b1d4156b40db804e01b4bda48cd"
    );
    assert_eq!(p["base_fee_msat"], "1211");
    assert_eq!(p["proportional_fee_rate"], 474);
    assert_eq!(p["total_cltv_delta"], 351);
    assert_eq!(p["htlc_max_msat"], "720000000");
    assert_eq!(p["features"], serde_json::json!([]));
    // Core Lightning does not read `b`: it lists the fields as extra.
    let (_, cln, _) = bolt11(&["decode", "--profile", "blinded", "--format", "cln", lnd_invoice]);
    assert_eq!(cln["extra"].as_array().unwrap().len(), 3);
    assert_eq!(cln["extra"][0]["tag"], "5");
    assert_eq!(bolt11(&["decode", "--profile", "zap", lnd_invoice]).0, 2);
}

#[test]
fn echo_names_each_lines_input() {
    let valid = strictly_valid()[0]["invoice"].as_str().unwrap().to_owned();
    let input = format!("{valid}\nbogus\n");
    for format in ["default", "cln", "lnd"] {
        let (_, out, _) = bolt11_with_input(&["decode", "--echo", "--format", format, "-"], input.as_bytes());
        let got: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(got[0]["invoice"], valid.as_str(), "{format}");
        assert_eq!(got[1]["invoice"], "bogus", "{format}");
        assert!(got[1]["error"].is_object());
        assert!(out.starts_with("{\"invoice\":"));
    }
}

#[test]
fn make_reads_its_request_from_standard_input_and_help_takes_a_command() {
    let (code, out, _) = bolt11_with_input(
        &["make", "--api", "nwc", "--key", KEY, "--preimage", &"22".repeat(32), "-"],
        br#"{"method": "make_invoice", "params": {"amount": 21000}}"#,
    );
    assert_eq!(code, 0);
    let body: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(body["result"]["amount"], 21000);
    for (cmd, first) in
        [("decode", "usage: bolt11 decode"), ("make", "usage: bolt11 make"), ("check", "usage: bolt11 check")]
    {
        let out = Command::new(env!("CARGO_BIN_EXE_bolt11")).args(["help", cmd]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(String::from_utf8(out.stdout).unwrap().starts_with(first), "{cmd}");
    }
    assert_eq!(bolt11(&["help", "nope"]).0, 2);
    let out = Command::new(env!("CARGO_BIN_EXE_bolt11")).args(["help"]).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("bolt11 help COMMAND"));
}

#[test]
fn the_preimage_file_is_new_and_private() {
    // Issue 19, item 5: an existing 0644 file was written into, keeping its mode, and a
    // symbolic link was followed.
    let dir = std::env::temp_dir().join(format!("bolt11-preimage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let make = |path: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_bolt11"))
            .args(["make", "--api", "webln", "--key", KEY, "--preimage-file", path.to_str().unwrap(), "5"])
            .output()
            .unwrap()
    };
    let existing = dir.join("existing");
    std::fs::write(&existing, "keep me").unwrap();
    let out = make(&existing);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("exists"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
    #[cfg(unix)]
    {
        let target = dir.join("target");
        let link = dir.join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(make(&link).status.code(), Some(2));
        assert!(!target.exists(), "the link was followed");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
