/// The 64-bit FNV-1a hash as lowercase hex: a stable fingerprint for checksums and request bodies
/// (not for security).
public enum FNV1a {
    public static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
