#[test]
fn short_channel_ids_read_back_what_display_writes() {
    use lightning_bolt11::{InvalidShortChannelId, ShortChannelId};
    for id in [0u64, 0x0102_0304_0506_0708, u64::MAX] {
        let scid = ShortChannelId(id);
        assert_eq!(scid.to_string().parse::<ShortChannelId>(), Ok(scid));
    }
    assert_eq!("66051x263430x1800".parse(), Ok(ShortChannelId(0x0102_0304_0506_0708)));
    // Too large for its bytes, another shape, signs, spaces or nothing: refused, never wrapped.
    for bad in [
        "16777216x0x0",
        "0x16777216x0",
        "0x0x65536",
        "1x2",
        "1x2x3x4",
        "+1x2x3",
        "1x2x 3",
        "",
        "xx",
        "99999999999999999999x0x0",
    ] {
        assert_eq!(bad.parse::<ShortChannelId>(), Err(InvalidShortChannelId), "{bad}");
    }
}

#[test]
fn a_hop_reads_back_from_its_bytes() {
    use lightning_bolt11::{RouteHop, ShortChannelId};
    let hop = RouteHop {
        src_node_id: [0x02; 33],
        short_channel_id: ShortChannelId(0x0102_0304_0506_0708),
        fee_base_msat: u32::MAX,
        fee_proportional_millionths: 20,
        cltv_expiry_delta: u16::MAX,
    };
    assert_eq!(RouteHop::from_bytes(&hop.to_bytes()), hop);
}
