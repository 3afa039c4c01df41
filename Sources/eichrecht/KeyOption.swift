import Eichrecht

/// `--key` and `--keys` are read by the library's `TrustedKeyArguments`, the same as the server's.
typealias KeyOption = TrustedKeyArguments
