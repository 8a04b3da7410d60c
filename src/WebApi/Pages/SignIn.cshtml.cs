using System.Globalization;
using ComplianceGrains.Domain;
using ComplianceGrains.Identity;
using ComplianceGrains.WebApi.Auth;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ComplianceGrains.WebApi.Pages;

/// <summary>
/// Sign-in with the password check of <c>POST /api-auth/password/</c> and under its limits (attempts per client address,
/// failed attempts per username): the user grain issues a token for the session.
/// </summary>
[EnableRateLimiting(SignInLimits.PolicyName)]
public sealed class SignInModel(IGrainFactory grains, PasswordSignIn signIn) : PageModel
{
    public string? Error { get; private set; }

    public string? Username { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? username, string? password)
    {
        Username = username;
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            Error = "Enter your username and password.";
            return Page();
        }
        string? token;
        try
        {
            token = await signIn.SignInAsync(username, password);
        }
        catch (SignInThrottledException throttled)
        {
            var seconds = SignInRateLimiting.RetryAfterSeconds(throttled.RetryAfter);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            Error = $"Too many failed sign-ins for this username. Try again in {(seconds + 59) / 60} minutes.";
            return Page();
        }
        var hash = token is null ? null : TokenHashing.Hash(token);
        var caller = hash is null ? null : await grains.GetGrain<ITokenGrain>(hash).AuthenticateAsync();
        if (caller is null)
        {
            Error = "Invalid username or password.";
            return Page();
        }
        var user = await grains.GetGrain<IUserGrain>(caller.UserId).GetAsync(caller);
        var name = string.IsNullOrWhiteSpace(user.FullName) ? user.Username : user.FullName;
        await HttpContext.SignInAsync(PageCookies.Scheme, PageCookies.Principal(caller, hash!, name));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
