//! Properties: what the builder makes decodes to the same values and re-encodes identically;
//! no single changed character gives a valid invoice for the same payee; and the fused
//! checksum agrees with the `bech32` crate.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use lightning_bolt11::secp256k1::SecretKey;
use lightning_bolt11::*;
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Spec {
    network: Network,
    amount: Option<u64>,
    timestamp: u64,
    hash: [u8; 32],
    secret: [u8; 32],
    description: Result<String, [u8; 32]>,
    expiry: Option<u64>,
    cltv: Option<u64>,
    features: Option<Vec<usize>>,
    metadata: Option<Vec<u8>>,
    fallbacks: Vec<(u8, Vec<u8>)>,
    routes: Vec<Vec<RouteHop>>,
    payee_field: bool,
}

fn network() -> impl Strategy<Value = Network> {
    prop::sample::select(Network::ALL.to_vec())
}

fn hop() -> impl Strategy<Value = RouteHop> {
    (any::<[u8; 32]>(), any::<u64>(), any::<u32>(), any::<u32>(), any::<u16>()).prop_map(
        |(k, scid, base, prop, cltv)| {
            let mut src_node_id = [2u8; 33];
            src_node_id[1..].copy_from_slice(&k);
            RouteHop {
                src_node_id,
                short_channel_id: ShortChannelId(scid),
                fee_base_msat: base,
                fee_proportional_millionths: prop,
                cltv_expiry_delta: cltv,
            }
        },
    )
}

fn fallback() -> impl Strategy<Value = (u8, Vec<u8>)> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 20).prop_map(|p| (17, p)),
        prop::collection::vec(any::<u8>(), 20).prop_map(|p| (18, p)),
        prop::collection::vec(any::<u8>(), 20).prop_map(|p| (0, p)),
        prop::collection::vec(any::<u8>(), 32).prop_map(|p| (0, p)),
        prop::collection::vec(any::<u8>(), 32).prop_map(|p| (1, p)),
        (2u8..=16, prop::collection::vec(any::<u8>(), 2..=40)),
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    let amount = prop_oneof![Just(None), (1u64..=MAX_AMOUNT_MSAT).prop_map(Some), (1u64..1_000_000).prop_map(Some)];
    let description = prop_oneof![".{0,80}".prop_map(Ok), any::<[u8; 32]>().prop_map(Err)];
    // Known features only, with their dependencies, or odd unknown ones.
    let features = prop::option::of(prop::collection::vec(
        prop::sample::select(vec![8usize, 9, 14, 15, 24, 25, 48, 49, 101, 255]),
        0..5,
    ));
    (
        (network(), amount, 0u64..=MAX_TIMESTAMP, any::<[u8; 32]>(), any::<[u8; 32]>(), description),
        // `c` up to 2^32 - 1 (J-8); expiry any u64.
        (prop::option::of(any::<u64>()), prop::option::of(any::<u32>().prop_map(u64::from)), features),
        (
            prop::option::of(prop::collection::vec(any::<u8>(), 0..64)),
            prop::collection::vec(fallback(), 0..3),
            prop::collection::vec(prop::collection::vec(hop(), 1..4), 0..3),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (network, amount, timestamp, hash, secret, description),
                (expiry, cltv, features),
                (metadata, fallbacks, routes, payee_field),
            )| Spec {
                network,
                amount,
                timestamp,
                hash,
                secret,
                description,
                expiry,
                cltv,
                features,
                metadata,
                fallbacks,
                routes,
                payee_field,
            },
        )
}

fn build(s: &Spec, key: &SecretKey) -> Invoice {
    let mut b = InvoiceBuilder::new(s.network).timestamp(s.timestamp).payment_hash(s.hash).payment_secret(s.secret);
    if let Some(a) = s.amount {
        b = b.amount_msat(a);
    }
    b = match &s.description {
        Ok(d) => b.description(d),
        Err(h) => b.description_hash(*h),
    };
    if let Some(x) = s.expiry {
        b = b.expiry(x);
    }
    if let Some(c) = s.cltv {
        b = b.min_final_cltv_expiry_delta(c);
    }
    if let Some(f) = &s.features {
        b = b.features_exact(f);
    }
    if let Some(m) = &s.metadata {
        b = b.payment_metadata(m);
    }
    for (v, p) in &s.fallbacks {
        b = b.fallback(Fallback::new(*v, p).unwrap());
    }
    for r in &s.routes {
        b = b.route_hint(r);
    }
    if s.payee_field {
        b = b.payee_pubkey(key.public_key(&secp()));
    }
    b.sign(key).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn built_invoices_decode_to_the_same_values(s in spec(), key in any::<[u8; 32]>().prop_filter_map("key", |k| SecretKey::from_slice(&k).ok())) {
        let built = build(&s, &key);
        let text = built.to_string();
        let inv: Invoice = text.parse().unwrap();
        prop_assert_eq!(&inv, &built);
        prop_assert_eq!(inv.to_string(), text.clone());
        prop_assert_eq!(inv.to_upper_string().to_ascii_lowercase(), text.clone());
        prop_assert_eq!(inv.payee(), key.public_key(&secp()));
        prop_assert_eq!(inv.network(), s.network);
        prop_assert_eq!(inv.amount_msat(), s.amount);
        prop_assert_eq!(inv.timestamp(), s.timestamp);
        prop_assert_eq!(inv.payment_hash(), s.hash);
        prop_assert_eq!(inv.payment_secret().map(|s| s.0), Some(s.secret));
        match &s.description {
            Ok(d) => { prop_assert_eq!(inv.description(), Some(d.as_str())); prop_assert!(inv.matches_description(d)); }
            Err(h) => prop_assert_eq!(inv.description_hash().map(|h| h.0), Some(*h)),
        }
        prop_assert_eq!(inv.expiry(), s.expiry.unwrap_or(3600));
        prop_assert_eq!(inv.min_final_cltv_expiry_delta(), s.cltv.unwrap_or(18));
        // Exact bits as given; else the defaults, and option_payment_metadata (optional) with `m`.
        let implied = DEFAULT_FEATURES.iter().copied().chain(s.metadata.as_ref().map(|_| 49));
        let mut want_bits = s.features.clone().unwrap_or_else(|| implied.collect());
        want_bits.sort_unstable();
        want_bits.dedup();
        prop_assert_eq!(inv.features().iter().collect::<Vec<_>>(), want_bits);
        prop_assert_eq!(inv.payment_metadata(), s.metadata.as_deref());
        let fbs: Vec<(u8, Vec<u8>)> = inv.fallbacks().map(|f| (f.version(), f.program().to_vec())).collect();
        prop_assert_eq!(fbs, s.fallbacks.clone());
        let routes: Vec<Vec<RouteHop>> = inv.route_hints().map(|r| r.hops().collect()).collect();
        prop_assert_eq!(routes, s.routes.clone());
        prop_assert_eq!(inv.has_payee_field(), s.payee_field);
        prop_assert_eq!(inv.unknown_fields().count(), 0);
        // The view agrees with the owned invoice.
        let view = InvoiceRef::parse(&text).unwrap();
        prop_assert_eq!(view.payment_hash(), inv.payment_hash());
        prop_assert_eq!(view.signature_hash(), inv.signature_hash());
        prop_assert_eq!(view.verify().unwrap(), inv.payee());
    }

    #[test]
    fn one_changed_character_never_gives_a_valid_invoice_for_the_same_payee(
        s in spec(),
        pos in any::<prop::sample::Index>(),
        ch in prop::sample::select(b"qpzry9x8gf2tvdw0s3jn54khce6mua7l1bio0123456789".to_vec()),
    ) {
        let key = spec_key();
        let text = build(&s, &key).to_string();
        let i = pos.index(text.len());
        prop_assume!(text.as_bytes()[i] != ch);
        let mut bytes = text.into_bytes();
        bytes[i] = ch;
        let changed = String::from_utf8(bytes).unwrap();
        for opts in [DecodeOptions::new(), DecodeOptions::new().lenient()] {
            if let Ok(inv) = Invoice::decode_with(&changed, &opts) {
                prop_assert_ne!(inv.payee(), key.public_key(&secp()));
            }
        }
    }

    #[test]
    fn fused_checksum_agrees_with_the_bech32_crate(
        words in prop::collection::vec(0u8..32, 111..400),
        edit in prop::option::of((any::<prop::sample::Index>(), 0u8..32)),
    ) {
        use bech32::{Fe32, Fe32IterExt, Hrp};
        let hrp = Hrp::parse("lnbc").unwrap();
        let mut s: String = words.iter().map(|&w| Fe32::try_from(w).unwrap()).with_checksum::<Bolt11Bech32>(&hrp).chars().collect();
        if let Some((i, w)) = edit {
            let i = 5 + i.index(s.len() - 5);
            let c = Fe32::try_from(w).unwrap().to_char();
            s.replace_range(i..=i, &c.to_string());
        }
        let library_ok = bech32::primitives::decode::CheckedHrpstring::new::<Bolt11Bech32>(&s).is_ok();
        let ours = InvoiceRef::parse_with(&s, &DecodeOptions::new().lenient());
        let ours_ok = !matches!(ours, Err(DecodeError::Bech32(Bech32Error::InvalidChecksum)));
        prop_assert_eq!(library_ok, ours_ok);
    }
}
