import HummingbirdBcrypt
import NIOPosix

/// Password hashing for console accounts: bcrypt through hummingbird-auth, on NIO's blocking
/// thread pool, as one hash takes a CPU for a tenth of a second or more.
public enum Passwords {
    /// bcrypt's cost: 2^11 rounds, about 0.1–0.2 s on this kind of machine.
    static let cost: UInt8 = 11
    /// The shortest password an account may have.
    public static let minimumLength = 10

    /// Checked against when a login is unknown, so an unknown login takes as long as a wrong password.
    static let decoy = Bcrypt.hash("lianjian-decoy-password", cost: cost)

    public static func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Why a new password is refused, or `nil` when it will do.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "must be at least \(minimumLength) characters" }
        if password.utf8.count > 72 { return "must be at most 72 bytes (bcrypt reads no further)" }
        return nil
    }
}
