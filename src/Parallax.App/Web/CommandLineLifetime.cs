namespace Parallax.App.Web;

/// <summary>
/// The host's lifetime under the `parallax` command: the command already answers Ctrl-C and SIGTERM (it cancels the
/// run and stops the host within its two seconds), so the host must not install console handlers of its own that
/// would take the signal from it.
/// </summary>
public sealed class CommandLineLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
