//! Issue 12: the types Rust wallets already hold. Conversions to and from rust-bitcoin and
//! lightning-invoice, checked against lightning-invoice's own decoding of the same strings:
//! every spec example, and invoices from other implementations' test suites
//! (`test-vectors/real-invoices.json`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeSet, HashMap};
use std::str::FromStr;
use std::time::Duration;

use bitcoin_hashes::Hash as _;
use common::*;
use lightning_bolt11::convert::LdkRefusal;
use lightning_bolt11::*;
use lightning_invoice::{Bolt11Invoice, Bolt11InvoiceDescriptionRef, Currency};
use serde_json::Value;

fn real_invoices() -> Vec<Value> {
    let text = include_str!("../test-vectors/real-invoices.json");
    serde_json::from_str::<Value>(text).unwrap()["invoices"].as_array().unwrap().clone()
}

/// Every invoice the tests know: the valid spec examples and the corpus.
fn every_invoice() -> Vec<String> {
    let spec = vectors().into_iter().filter(|v| v["valid"] == true).map(|v| v["invoice"].as_str().unwrap().to_owned());
    spec.chain(real_invoices().into_iter().map(|v| v["invoice"].as_str().unwrap().to_owned())).collect()
}

/// Feature bits as lightning-invoice holds them (little-endian bytes).
fn ldk_feature_bits(inv: &Bolt11Invoice) -> Vec<usize> {
    let flags = inv.features().map(|f| f.le_flags().to_vec()).unwrap_or_default();
    (0..flags.len() * 8).filter(|&b| flags[b / 8] >> (b % 8) & 1 == 1).collect()
}

/// Every field, read from each side.
fn assert_same(ours: &Invoice, theirs: &Bolt11Invoice, what: &str) {
    assert_eq!(ours.payee(), theirs.get_payee_pub_key(), "{what}: payee");
    assert_eq!(ours.payee_pub_key(), theirs.payee_pub_key().copied(), "{what}: n field");
    assert_eq!(ours.payment_hash(), theirs.payment_hash().to_byte_array(), "{what}: payment hash");
    assert_eq!(ours.payment_secret().map(|s| s.0), Some(theirs.payment_secret().0), "{what}: payment secret");
    assert_eq!(ours.amount_msat(), theirs.amount_milli_satoshis(), "{what}: amount");
    assert_eq!(ours.duration_since_epoch(), theirs.duration_since_epoch(), "{what}: timestamp");
    assert_eq!(ours.expiry_time(), theirs.expiry_time(), "{what}: expiry");
    assert_eq!(ours.min_final_cltv_expiry_delta(), theirs.min_final_cltv_expiry_delta(), "{what}: cltv");
    match theirs.description() {
        Bolt11InvoiceDescriptionRef::Direct(d) => assert_eq!(ours.description(), Some(d.as_inner().0.as_str())),
        Bolt11InvoiceDescriptionRef::Hash(h) => {
            assert_eq!(ours.description_hash().map(|h| h.0), Some(h.0.to_byte_array()))
        }
    }
    assert_eq!(ours.payment_metadata(), theirs.payment_metadata().map(Vec::as_slice), "{what}: metadata");
    assert_eq!(ours.features().iter().collect::<Vec<_>>(), ldk_feature_bits(theirs), "{what}: features");
    assert_eq!(ours.fallback_addresses(), theirs.fallback_addresses(), "{what}: fallbacks");
    assert_eq!(bitcoin::Network::from(ours.network()), theirs.network(), "{what}: network");
    assert_eq!(Currency::from(ours.network()), theirs.currency(), "{what}: currency");
    assert_eq!(ours.signature_hash(), theirs.signable_hash(), "{what}: signed hash");
    let routes = theirs.private_routes();
    assert_eq!(ours.route_hints().count(), routes.len(), "{what}: route hints");
    for (mine, theirs) in ours.route_hints().zip(routes) {
        let theirs = &theirs.0;
        assert_eq!(mine.len(), theirs.len());
        for (a, b) in mine.hops().zip(theirs) {
            assert_eq!(a.src_node_pubkey(), Some(b.src_node_id));
            assert_eq!(a.short_channel_id.0, b.short_channel_id);
            assert_eq!(
                (a.fee_base_msat, a.fee_proportional_millionths),
                (b.fees.base_msat, b.fees.proportional_millionths)
            );
            assert_eq!(a.cltv_expiry_delta, b.cltv_expiry_delta);
        }
    }
    // lightning-invoice's boundary second, to the nanosecond.
    let at = theirs.duration_since_epoch() + theirs.expiry_time();
    for t in [at - Duration::from_nanos(1), at, at + Duration::from_nanos(1), at + Duration::from_secs(1)] {
        assert_eq!(ours.would_expire(t), theirs.would_expire(t), "{what}: would_expire({t:?})");
    }
}

#[test]
fn both_ways_and_field_for_field_on_every_invoice_both_accept() {
    let (mut both, mut only_ours) = (0, 0);
    for s in every_invoice() {
        let Ok(ours) = Invoice::decode(&s) else { continue };
        match Bolt11Invoice::from_str(&s) {
            Ok(theirs) => {
                assert_same(&ours, &theirs, &s);
                assert_eq!(Bolt11Invoice::try_from(&ours).unwrap(), theirs, "{s}");
                assert_eq!(Invoice::try_from(&theirs).unwrap(), ours, "{s}");
                both += 1;
            }
            Err(e) => {
                // Every refusal is named: here, the older invoices without a `9` field.
                let refusal = Bolt11Invoice::try_from(&ours).unwrap_err();
                assert_eq!(refusal, LdkRefusal::NoPaymentSecretFeature, "{s}: {e:?}");
                assert!(ours.features().is_empty());
                only_ours += 1;
            }
        }
    }
    // The counts, so that a silent change in either decoder shows.
    assert_eq!((both, only_ours), (19, 33));
}

#[test]
fn the_corpus_payees_are_the_ones_its_sources_assert() {
    for v in real_invoices() {
        let inv = Invoice::decode(v["invoice"].as_str().unwrap()).unwrap();
        if let Some(payee) = v["payee"].as_str() {
            assert_eq!(inv.payee().to_string(), payee, "{}", v["source"]);
        }
    }
}

#[test]
fn a_lenient_invoice_lightning_invoice_would_read_with_another_payee_is_not_handed_over() {
    // rust-lightning issue 3693: a non-minimal `x` re-serialises minimally, so lightning-invoice
    // checks the signature over other bytes. Handing it over must fail, not name another payee.
    let s = with_fields(&[field('x', &[0, 1]), field('9', &[16, 8, 0])]);
    let ours = Invoice::decode_with(&s, &DecodeOptions::new().lenient()).unwrap();
    assert_eq!(Bolt11Invoice::try_from(&ours).unwrap_err(), LdkRefusal::ReserialisedHash);
    // Strict mode refuses it outright.
    assert!(Invoice::decode(&s).is_err());
}

#[test]
fn each_refusal_says_why() {
    // No payment secret (lenient mode).
    let fields = vec![field('p', &to_words(&[1; 32])), field('d', &to_words(b"x")), field('9', &[16, 8, 0])];
    let s = raw_invoice("lnbc", 1, &fields, &spec_key());
    let ours = Invoice::decode_with(&s, &DecodeOptions::new().lenient()).unwrap();
    assert_eq!(Bolt11Invoice::try_from(&ours).unwrap_err(), LdkRefusal::NoPaymentSecret);
    // option_attribution_data (36), required: BOLT 9 defines it; lightning-invoice 0.34 does not.
    let s = with_fields(&[field('9', &to_words_features(&[8, 14, 36]))]);
    let ours = Invoice::decode(&s).unwrap();
    assert_eq!(Bolt11Invoice::try_from(&ours).unwrap_err(), LdkRefusal::UnknownRequiredFeature);
    assert!(LdkRefusal::UnknownRequiredFeature.to_string().contains("required feature"));
}

#[test]
fn lightning_invoice_built_invoices_come_back_strictly() {
    // What LDK's own builder writes, through this crate's strict decoder.
    let secp = secp256k1::Secp256k1::new();
    let key = spec_key();
    let theirs = lightning_invoice::InvoiceBuilder::new(Currency::Signet)
        .amount_milli_satoshis(12_345)
        .duration_since_epoch(Duration::from_secs(1_700_000_000))
        .payment_hash(bitcoin_hashes::sha256::Hash::from_byte_array([3; 32]))
        .payment_secret(lightning_invoice::PaymentSecret([4; 32]))
        .description("from LDK".into())
        .min_final_cltv_expiry_delta(144)
        .basic_mpp()
        .build_signed(|m| secp.sign_ecdsa_recoverable(m, &key))
        .unwrap();
    let ours = Invoice::try_from(&theirs).unwrap();
    assert_same(&ours, &theirs, "built by lightning-invoice");
    assert_eq!(ours.network(), Network::Signet);
    assert!(ours.features().supports(16));
}

#[test]
fn networks_convert_both_ways() {
    for n in Network::ALL {
        let b = bitcoin::Network::from(n);
        let back = Network::try_from(b).unwrap();
        // Simnet has no rust-bitcoin network: it goes to regtest, as in lightning-invoice.
        assert_eq!(back, if n == Network::Simnet { Network::Regtest } else { n });
        assert_eq!(Network::from(Currency::from(n)), n);
        assert_eq!(bitcoin::Network::from(Currency::from(n)), b);
    }
    assert_eq!(Network::try_from(bitcoin::Network::Testnet4), Ok(Network::Testnet));
}

#[test]
fn every_fallback_kind_is_the_address_lightning_invoice_gives() {
    // P2PKH, P2SH, P2WPKH, P2WSH, P2TR and future witness versions, on every network.
    let fallbacks = [
        Fallback::new(17, &[1; 20]).unwrap(),
        Fallback::new(18, &[2; 20]).unwrap(),
        Fallback::new(0, &[3; 20]).unwrap(),
        Fallback::new(0, &[4; 32]).unwrap(),
        Fallback::new(1, &[5; 32]).unwrap(),
        Fallback::new(2, &[6; 2]).unwrap(),
        Fallback::new(16, &[7; 40]).unwrap(),
    ];
    for network in Network::ALL {
        let mut b =
            InvoiceBuilder::new(network).timestamp(1).payment_hash([1; 32]).payment_secret([2; 32]).description("");
        for f in fallbacks {
            b = b.fallback(f);
        }
        let ours = b.sign(&spec_key()).unwrap();
        let theirs = Bolt11Invoice::from_str(ours.as_str()).unwrap();
        assert_eq!(ours.fallback_addresses(), theirs.fallback_addresses(), "{network}");
        assert_eq!(ours.fallback_addresses().len(), fallbacks.len());
        // Back through the builder: the same fallbacks, in the same order.
        let mut again =
            InvoiceBuilder::new(network).timestamp(1).payment_hash([1; 32]).payment_secret([2; 32]).description("");
        for a in ours.fallback_addresses() {
            again = again.fallback_address(&a);
        }
        assert_eq!(again.sign(&spec_key()).unwrap(), ours, "{network}");
    }
    // The spec's addresses, as rust-bitcoin writes them.
    for v in strictly_valid() {
        let inv = Invoice::decode(v["invoice"].as_str().unwrap()).unwrap();
        let want: Vec<String> =
            v["fallbacks"].as_array().unwrap().iter().map(|f| f["address"].as_str().unwrap().to_owned()).collect();
        let got: Vec<String> = inv.fallback_addresses().iter().map(ToString::to_string).collect();
        assert_eq!(got, want);
    }
}

#[test]
fn a_fallback_address_for_another_network_is_refused() {
    let testnet: bitcoin::Address =
        "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx".parse::<bitcoin::Address<_>>().unwrap().assume_checked();
    let b = || {
        InvoiceBuilder::new(Network::Bitcoin).timestamp(1).payment_hash([1; 32]).payment_secret([2; 32]).description("")
    };
    assert_eq!(
        b().fallback_address(&testnet).sign(&spec_key()).unwrap_err(),
        BuildError::FallbackNetwork { network: Network::Bitcoin }
    );
    let signet =
        InvoiceBuilder::new(Network::Signet).timestamp(1).payment_hash([1; 32]).payment_secret([2; 32]).description("");
    assert_eq!(signet.fallback_address(&testnet).sign(&spec_key()).unwrap().fallback_addresses(), [testnet]);
}

#[test]
fn route_hint_node_ids_are_keys_where_they_are_keys() {
    let mut hop = RouteHop {
        src_node_id: [5; 33],
        short_channel_id: ShortChannelId(1),
        fee_base_msat: 1,
        fee_proportional_millionths: 2,
        cltv_expiry_delta: 3,
    };
    assert_eq!(hop.src_node_pubkey(), None);
    hop.src_node_id = spec_key().public_key(&secp()).serialize();
    assert_eq!(hop.src_node_pubkey(), Some(spec_key().public_key(&secp())));
}

#[test]
fn the_same_string_is_the_same_invoice_whatever_the_policy_or_case() {
    let v = vector("Please send $3 for a cup of coffee");
    let s = v["invoice"].as_str().unwrap();
    let strict = Invoice::decode(s).unwrap();
    let lenient = Invoice::decode_with(s, &DecodeOptions::new().lenient()).unwrap();
    let upper = Invoice::decode(&s.to_ascii_uppercase()).unwrap();
    assert_eq!(strict, lenient);
    assert_eq!(strict, upper);
    let mut by_invoice = HashMap::new();
    by_invoice.insert(strict.clone(), "coffee");
    assert_eq!(by_invoice.get(&lenient), Some(&"coffee"));
    let set: BTreeSet<Invoice> = every_invoice().iter().filter_map(|s| Invoice::decode(s).ok()).collect();
    let mut sorted: Vec<&Invoice> = set.iter().collect();
    sorted.dedup();
    assert_eq!(sorted.len(), set.len());
    assert!(sorted.windows(2).all(|w| w[0].as_str() < w[1].as_str()));
}

#[test]
fn an_amount_above_2_64_pico_bitcoin_is_not_converted_as_no_amount() {
    // Issue 19, item 2: lightning-invoice reads `lnbc20000000` (20M BTC) as "no amount"; this
    // crate refuses it, so one string never names two amounts across a conversion.
    // lightning-invoice wants a `9` field with payment_secret: bits 8 and 14, words 16, 8, 0.
    let mut fields = base_fields();
    fields.push(field('9', &[16, 8, 0]));
    let s = raw_invoice("lnbc20000000", 1_700_000_000, &fields, &spec_key());
    let theirs = Bolt11Invoice::from_str(&s).unwrap();
    assert_eq!(theirs.amount_milli_satoshis(), None);
    assert_eq!(
        Invoice::try_from(&theirs).unwrap_err(),
        convert::FromLdkError::Decode(DecodeError::Hrp(HrpError::AmountTooLarge { position: 4 }))
    );
    // At the cap both read the same amount, and the conversion goes through both ways.
    let s = raw_invoice("lnbc18446744073709551610p", 1_700_000_000, &fields, &spec_key());
    let theirs = Bolt11Invoice::from_str(&s).unwrap();
    let ours = Invoice::try_from(&theirs).unwrap();
    assert_eq!(ours.amount_msat(), Some(MAX_AMOUNT_MSAT));
    assert_eq!(theirs.amount_milli_satoshis(), Some(MAX_AMOUNT_MSAT));
    assert_eq!(Bolt11Invoice::try_from(&ours).unwrap(), theirs);
}

#[test]
fn route_hints_and_features_convert_to_and_from_lightning_invoice_types() {
    let v = vector("On mainnet, with fallback address 1RustyRX2oai4EYYDpQGWvEL62BBGqN9T with extra routing info");
    let ours = Invoice::decode(v["invoice"].as_str().unwrap()).unwrap();
    let theirs = Bolt11Invoice::from_str(ours.as_str()).unwrap();
    let converted: Vec<lightning_invoice::RouteHint> =
        ours.route_hints().map(|r| lightning_invoice::RouteHint::try_from(r).unwrap()).collect();
    let expected: Vec<lightning_invoice::RouteHint> = theirs.route_hints();
    assert_eq!(converted, expected);
    // And back: a builder fed lightning-invoice's hints and features writes the same fields.
    let features = theirs.features().unwrap();
    assert_eq!(&lightning_types::features::Bolt11InvoiceFeatures::from(ours.features()), features);
    let mut b = InvoiceBuilder::new(ours.network())
        .timestamp(ours.timestamp())
        .amount_msat(ours.amount_msat().unwrap())
        .payment_secret(ours.payment_secret().unwrap())
        .payment_hash(ours.payment_hash())
        .description_hash(ours.description_hash().unwrap());
    for f in ours.fallbacks() {
        b = b.fallback(f);
    }
    for hint in &expected {
        b = b.private_route(hint);
    }
    let rebuilt = b.bolt11_invoice_features(features).sign(&spec_key()).unwrap();
    assert_eq!(rebuilt.route_hints().collect::<Vec<_>>(), ours.route_hints().collect::<Vec<_>>());
    assert_eq!(rebuilt.features().iter().collect::<Vec<_>>(), ours.features().iter().collect::<Vec<_>>());
    // A hop whose node id is not a key has no lightning-invoice form.
    let hop = RouteHop {
        src_node_id: [5; 33],
        short_channel_id: ShortChannelId(1),
        fee_base_msat: 1,
        fee_proportional_millionths: 2,
        cltv_expiry_delta: 3,
    };
    assert!(lightning_invoice::RouteHintHop::try_from(&hop).is_err());
}
