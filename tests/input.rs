//! Issue 12: whatever a user pastes or scans. Each accepted form, and each refusal, typed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use lightning_bolt11::input::{AmountCheck, Bip21Invoice, InputError, PaymentInput, UriError};
use lightning_bolt11::*;

fn coffee() -> String {
    vector("Please send $3 for a cup of coffee")["invoice"].as_str().unwrap().to_owned()
}

/// An invoice for any amount.
fn donation() -> String {
    vector("Please make a donation")["invoice"].as_str().unwrap().to_owned()
}

fn uri(text: &str) -> Bip21Invoice {
    match PaymentInput::parse(text) {
        Ok(PaymentInput::Bip21(u)) => u,
        other => panic!("{text}: {other:?}"),
    }
}

fn err(text: &str) -> InputError {
    PaymentInput::parse(text).unwrap_err()
}

const P2WPKH: &str = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
const P2PKH: &str = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";
const P2SH: &str = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy";
const TESTNET: &str = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";

#[test]
fn an_invoice_in_every_wrapping() {
    let s = coffee();
    let want = Invoice::decode(&s).unwrap();
    for text in [
        s.clone(),
        s.to_uppercase(),
        format!("lightning:{s}"),
        format!("LIGHTNING:{}", s.to_uppercase()),
        format!("Lightning:{s}"),
        format!("lightning://{s}"),
        format!("  \n\t{s}\r\n "),
        format!(" lightning:{s}\n"),
    ] {
        assert_eq!(PaymentInput::parse(&text).unwrap(), PaymentInput::Invoice(want.clone()), "{text:.30}");
    }
    assert_eq!(PaymentInput::parse(&s).unwrap().invoice(), &want);
}

#[test]
fn a_bip21_uri_gives_the_invoice_and_its_on_chain_part() {
    let s = coffee();
    let u = uri(&format!("bitcoin:{P2WPKH}?amount=0.0025&label=Caf%C3%A9%20Luna&message=1%20cup&lightning={s}"));
    assert_eq!(u.invoice, Invoice::decode(&s).unwrap());
    assert_eq!(u.address.as_deref(), Some(P2WPKH));
    assert_eq!(u.amount_msat, Some(250_000_000));
    assert_eq!((u.label.as_deref(), u.message.as_deref()), (Some("Café Luna"), Some("1 cup")));
    assert_eq!(u.amount_check(), AmountCheck::Agrees);
    // BIP-321: the address may be empty; parameters come in any order and any case.
    let u = uri(&format!("bitcoin:?lightning={s}"));
    assert_eq!((u.address.as_deref(), u.amount_msat, u.amount_check()), (None, None, AmountCheck::NoUriAmount));
    let u = uri(&format!("BITCOIN:{}?AMOUNT=0.0025&LIGHTNING={}", P2WPKH.to_uppercase(), s.to_uppercase()));
    assert_eq!(u.amount_check(), AmountCheck::Agrees);
    let u = uri(&format!("bitcoin:{P2PKH}?lightning={s}&pj=https://example.com/pj&amount=0.0025"));
    assert_eq!(u.address.as_deref(), Some(P2PKH));
    assert!(matches!(PaymentInput::parse(&format!("bitcoin:{P2SH}?lightning={s}")).unwrap(), PaymentInput::Bip21(_)));
    // The same invoice twice (as written in two cases) is one invoice.
    assert!(PaymentInput::parse(&format!("bitcoin:?lightning={s}&lightning={}", s.to_uppercase())).is_ok());
}

#[test]
fn the_uri_amount_is_checked_against_the_invoice() {
    let s = coffee();
    let u = uri(&format!("bitcoin:{P2WPKH}?amount=0.003&lightning={s}"));
    assert_eq!(u.amount_check(), AmountCheck::Disagrees { uri_msat: 300_000_000, invoice_msat: 250_000_000 });
    let u = uri(&format!("bitcoin:{P2WPKH}?amount=0.001&lightning={}", donation()));
    assert_eq!(u.amount_check(), AmountCheck::InvoiceAnyAmount);
    assert_eq!(u.amount_msat, Some(100_000_000));
}

#[test]
fn malformed_uris_are_refused_with_the_reason() {
    let s = coffee();
    for (text, want) in [
        (format!("bitcoin:notanaddress?lightning={s}"), UriError::Address),
        (format!("bitcoin:{P2WPKH}?amount=1e-3&lightning={s}"), UriError::Amount),
        (format!("bitcoin:{P2WPKH}?amount=0.000000001&lightning={s}"), UriError::Amount),
        (format!("bitcoin:{P2WPKH}?amount=0.001&amount=0.002&lightning={s}"), UriError::Repeated("amount".into())),
        (format!("bitcoin:?lightning={s}&lightning={}", donation()), UriError::Repeated("lightning".into())),
        (
            format!("bitcoin:{P2WPKH}?req-somethingnew=1&lightning={s}"),
            UriError::UnknownRequired("req-somethingnew".into()),
        ),
        (format!("bitcoin:{P2WPKH}?label=50%&lightning={s}"), UriError::Escape),
        (format!("bitcoin:{P2WPKH}?label=%ff%fe&lightning={s}"), UriError::Escape),
        (format!("bitcoin:{P2WPKH}?label=%+5&lightning={s}"), UriError::Escape),
    ] {
        assert_eq!(err(&text), InputError::Uri(want), "{text:.70}");
    }
    // A mainnet invoice with a testnet address.
    assert_eq!(
        err(&format!("bitcoin:{TESTNET}?lightning={s}")),
        InputError::NetworkMismatch { invoice: Network::Bitcoin }
    );
    // A broken invoice inside says what is wrong with it.
    let mut broken = s.clone();
    broken.replace_range(20..21, if &s[20..21] == "q" { "p" } else { "q" });
    assert_eq!(err(&format!("bitcoin:?lightning={broken}")), InputError::Invoice(Bech32Error::InvalidChecksum.into()));
}

#[test]
fn other_payment_forms_are_named_not_called_bad_checksums() {
    let offer = "lno1pg257enxv4ezqcneype82um50ynhxgrwdajx283qfwdpl28qqmc78ymlvhmxcsywdk5wrjnj36jryg488qwlrnzyjczlqs85ck65ycmkdk92smwt9zuewdzfe7v4aavvaz5kgv9mkk63v3s0ge0f099kssh3yc95qztx504hu92hnx8ctzhtt08pgk0texz0509tk";
    for (text, want) in [
        (offer.to_owned(), InputError::Bolt12Offer),
        (offer.to_uppercase(), InputError::Bolt12Offer),
        (format!("lightning:{offer}"), InputError::Bolt12Offer),
        ("lni1qqg9d9s3rvfstmyytaq8x3rzqjg7p9ksqqqqqq".to_owned(), InputError::Bolt12Invoice),
        ("lnr1qqswh5mkkwcs5yuhrzh9tn26m5zqy3h5v".to_owned(), InputError::Bolt12Invoice),
        ("lnurl1dp68gurn8ghj7um9wfmxjcm99e3k7mf0v9cxj0m385ekvcenxc6r2c35xvukxefcv5mkvv34x5ekzd3ev56nyd3hxqurzepexejxxepnxscrvwfnv9nxzcn9xq6xyefhvgcxxcmyxymnserxfq5fns".to_owned(), InputError::Lnurl),
        ("LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS".to_owned(), InputError::Lnurl),
        ("lightning:LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS".to_owned(), InputError::Lnurl),
        ("lnurlp://service.com/api?q=3fc3645b439ce8e7".to_owned(), InputError::Lnurl),
        ("keyauth://domain.com/auth?tag=login&k1=e2af".to_owned(), InputError::Lnurl),
        ("satoshi@example.com".to_owned(), InputError::LightningAddress { address: "satoshi@example.com".into() }),
        ("lightning:tips@pay.example.org".to_owned(), InputError::LightningAddress { address: "tips@pay.example.org".into() }),
        (P2WPKH.to_owned(), InputError::OnChainAddress),
        (P2PKH.to_owned(), InputError::OnChainAddress),
        (P2SH.to_owned(), InputError::OnChainAddress),
        (TESTNET.to_owned(), InputError::OnChainAddress),
        (format!("bitcoin:{P2WPKH}?amount=0.1&label=rent"), InputError::OnChainAddress),
        (format!("bitcoin:?lno={offer}"), InputError::UriOfferOnly),
        ("".to_owned(), InputError::Empty),
        (" \n ".to_owned(), InputError::Empty),
        ("hello world".to_owned(), InputError::Unrecognised),
        ("@nobody".to_owned(), InputError::Unrecognised),
        ("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798".to_owned(), InputError::Unrecognised),
    ] {
        assert_eq!(err(&text), want, "{text:.40}");
    }
    // A URI with an offer and an invoice: the invoice.
    let u = uri(&format!("bitcoin:?lno={offer}&lightning={}", coffee()));
    assert_eq!(u.invoice.amount_msat(), Some(250_000_000));
}

#[test]
fn a_broken_invoice_says_what_is_wrong_with_it() {
    let v = vector("Invalid multiplier");
    assert!(matches!(
        err(v["invoice"].as_str().unwrap()),
        InputError::Invoice(DecodeError::Hrp(HrpError::InvalidMultiplier { .. }))
    ));
    let v = vector("Bech32 checksum is invalid.");
    assert_eq!(
        err(&format!("lightning:{}", v["invoice"].as_str().unwrap())),
        InputError::Invoice(Bech32Error::InvalidChecksum.into())
    );
}

#[test]
fn the_callers_policy_and_network_apply() {
    let s = coffee();
    let testnet_only = DecodeOptions::new().network(Network::Testnet);
    let e = PaymentInput::parse_with(&format!("lightning:{s}"), &testnet_only).unwrap_err();
    assert!(matches!(e, InputError::Invoice(DecodeError::Hrp(HrpError::WrongNetwork { .. }))));
    let e = PaymentInput::parse_with(&format!("bitcoin:?lightning={s}"), &testnet_only).unwrap_err();
    assert!(matches!(e, InputError::Invoice(DecodeError::Hrp(HrpError::WrongNetwork { .. }))));
    // The spec's example that only lenient mode reads, behind a scheme.
    let v = vector("Same, but adding invalid unknown feature 100");
    let text = format!("LIGHTNING:{}", v["invoice"].as_str().unwrap());
    assert!(PaymentInput::parse(&text).is_err());
    assert!(PaymentInput::parse_with(&text, &DecodeOptions::new().lenient()).is_ok());
}

#[test]
fn keys_are_percent_decoded_before_every_rule() {
    // Issue 19, item 3: other readers see `%6Cightning` as `lightning`, so two invoices; and
    // `r%65q-pop` as a `req-` parameter this wallet does not know.
    let (a, b) = (coffee(), donation());
    assert_eq!(
        err(&format!("bitcoin:?lightning={a}&%6Cightning={b}")),
        InputError::Uri(UriError::Repeated("lightning".into()))
    );
    assert_eq!(
        err(&format!("bitcoin:?%6cIGHTNING={a}&lightning={b}")),
        InputError::Uri(UriError::Repeated("lightning".into()))
    );
    assert_eq!(
        err(&format!("bitcoin:?lightning={a}&r%65q-pop=x")),
        InputError::Uri(UriError::UnknownRequired("req-pop".into()))
    );
    // A key alone, escaped, is the parameter it decodes to.
    assert_eq!(uri(&format!("bitcoin:?%6C%69ghtning={a}")).invoice, Invoice::decode(&a).unwrap());
    assert_eq!(uri(&format!("bitcoin:?lightning={a}&%61mount=0.0025")).amount_msat, Some(250_000_000));
    assert_eq!(err(&format!("bitcoin:?lightning={a}&%6=x")), InputError::Uri(UriError::Escape));
}

#[test]
fn a_zero_amount_is_not_a_payable_amount() {
    let s = coffee();
    for amount in ["0", "0.0", "0.00000000", "-0"] {
        let e = err(&format!("bitcoin:{P2WPKH}?amount={amount}&lightning={s}"));
        assert!(matches!(e, InputError::Uri(UriError::ZeroAmount | UriError::Amount)), "{amount}: {e:?}");
    }
    assert_eq!(err(&format!("bitcoin:{P2WPKH}?amount=0&lightning={s}")), InputError::Uri(UriError::ZeroAmount));
    assert_eq!(uri(&format!("bitcoin:{P2WPKH}?amount=0.00000001&lightning={s}")).amount_msat, Some(1_000));
}

#[test]
fn long_text_in_the_base58_alphabet_is_read_in_linear_time() {
    // Issue 19, item 1: base58 decoding is quadratic, and 100,000 such characters took 7-10 s.
    // What cannot be an address is no longer decoded as one; a million characters, bare (longer
    // than any invoice) or as a `bitcoin:` address, are refused at once (a debug build reads them in well under a
    // second, where the old code took minutes).
    let long = "1".to_string() + &"z".repeat(1_000_000);
    let start = std::time::Instant::now();
    let too_long = DecodeError::from(Bech32Error::TooLong { len: long.len(), max: MAX_INVOICE_LENGTH });
    assert_eq!(err(&long), InputError::Invoice(too_long));
    assert_eq!(err(&format!("bitcoin:{long}")), InputError::Uri(UriError::Address));
    assert_eq!(err(&format!("bitcoin:{long}?lightning={}", coffee())), InputError::Uri(UriError::Address));
    assert!(start.elapsed() < std::time::Duration::from_secs(5), "{:?}", start.elapsed());
    // The longest real addresses still read: 35 base58 characters, 90 bech32m.
    let p2tr = "bc1pptdvg0d2nj99568qn6ssdy4cygnwuxgw2ukmnwgwz7jpqjz2kszse2s3lm";
    for address in [P2PKH, P2SH, P2WPKH, p2tr] {
        assert_eq!(err(address), InputError::OnChainAddress, "{address}");
    }
}

#[test]
fn every_refusal_has_a_kind_and_the_invoice_text_is_found_without_decoding() {
    use lightning_bolt11::input::InvoiceText;
    let s = coffee();
    for (text, kind) in [
        ("", "empty"),
        ("lno1qgsq", "bolt12_offer"),
        ("lni1qgsq", "bolt12_invoice"),
        ("LNURL1DP68GURN8GHJ7", "lnurl"),
        ("tips@example.com", "lightning_address"),
        (P2WPKH, "on_chain_address"),
        ("bitcoin:?lno=lno1qgsq", "uri_offer_only"),
        ("bitcoin:notanaddress", "uri_address"),
        ("bitcoin:?amount=x&lightning=lnbc1", "uri_amount"),
        ("bitcoin:?amount=0&lightning=lnbc1", "uri_zero_amount"),
        ("bitcoin:?lightning=a&lightning=b", "uri_repeated_parameter"),
        ("bitcoin:?req-x=1", "uri_unknown_required_parameter"),
        ("bitcoin:?lightning=%zz", "uri_escape"),
        ("hello", "unrecognised"),
    ] {
        assert_eq!(InvoiceText::find(text).unwrap_err().kind(), kind, "{text}");
    }
    assert_eq!(InputError::NetworkMismatch { invoice: Network::Testnet }.kind(), "network_mismatch");
    assert_eq!(err("lnbc1bogus").kind(), "invalid_char"); // `b` and `o` are not bech32
                                                          // Found, not decoded: positions in the decoder's errors stay the caller's for bare text.
    assert_eq!(InvoiceText::find(&format!(" lightning:{s}")).unwrap().as_str(), format!(" lightning:{s}"));
    assert_eq!(InvoiceText::find(&format!("lightning://{s}")).unwrap().as_str(), s);
    let text = format!("bitcoin:{TESTNET}?lightning={}", s.to_uppercase());
    let found = InvoiceText::find(&text).unwrap();
    assert!(found.is_uri());
    assert_eq!(found.as_str(), s.to_uppercase());
    assert_eq!(found.check_network(Network::Bitcoin), Err(InputError::NetworkMismatch { invoice: Network::Bitcoin }));
    assert_eq!(found.check_network(Network::Signet), Ok(()));
}

#[test]
fn error_positions_count_from_the_text_as_given() {
    // Found by the `input` fuzz target: the same damaged link, padded, reports its error two
    // characters later, where it is in what the user pasted (a URI's invoice has its own).
    let damaged = "lightning:lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjp&39tuven09sam30g4vgpfna3rh";
    let position = |text: &str| match PaymentInput::parse(text) {
        Err(InputError::Invoice(e)) => e.position(),
        other => panic!("{other:?}"),
    };
    assert_eq!(position(damaged), Some(255));
    assert_eq!(position(&format!(" \t{damaged}\n")), Some(257));
    assert_eq!(&damaged[255..256], "&");
}

#[test]
fn amount_checks_have_stable_names() {
    let names: Vec<&str> = [
        AmountCheck::Agrees,
        AmountCheck::NoUriAmount,
        AmountCheck::InvoiceAnyAmount,
        AmountCheck::Disagrees { uri_msat: 1, invoice_msat: 2 },
    ]
    .iter()
    .map(AmountCheck::kind)
    .collect();
    assert_eq!(names, ["agrees", "no_uri_amount", "invoice_any_amount", "disagrees"]);
}
