using ComplianceGrains.Identity;

namespace ComplianceGrains.WebApi.Auth;

/// <summary>
/// The password check of every sign-in (the API's and the sign-in page's), under the per-username limit of
/// <see cref="SignInThrottle"/>: a throttled username is refused before its password is checked, and only failures count.
/// </summary>
public sealed class PasswordSignIn(IGrainFactory grains, SignInThrottle throttle)
{
    /// <summary>A new token of the user, or null when the username or password is wrong.</summary>
    /// <exception cref="SignInThrottledException">The username reached its limit of failed attempts.</exception>
    public async Task<string?> SignInAsync(string username, string password)
    {
        if (throttle.RetryAfter(username) is { } wait) throw new SignInThrottledException(wait);
        var userId = await grains.GetGrain<IUsernameGrain>(username).GetUserIdAsync();
        var token = userId is { } id ? await grains.GetGrain<IUserGrain>(id).LoginAsync(password) : null;
        if (token is null) throttle.RecordFailure(username);
        return token;
    }
}
