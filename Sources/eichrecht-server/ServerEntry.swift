#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process entry: blocks SIGTERM and SIGINT before any thread exists, then runs the command.
///
/// On Linux, Dispatch receives the signals that `ServiceGroup` waits for through a `signalfd`,
/// which sees a signal only while every thread blocks it; a thread that does not would take the
/// signal's default action and end the process at once (exit 143) instead of shutting it down
/// gracefully. Threads inherit the mask of the thread that starts them, so blocking the signals
/// here, first, covers every thread the process will have.
@main
enum ServerEntry {
    static func main() async {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        await EichrechtServer.main()
    }
}
