/// This package's version: the one place it is written (the CLI's `--version` and the server show
/// it, and release tags carry it).
public enum EichrechtVersion {
    /// The version as `MAJOR.MINOR.PATCH`.
    public static let text = "0.2.0"
}
