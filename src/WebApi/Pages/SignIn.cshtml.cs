using ComplianceGrains.Domain;
using ComplianceGrains.Identity;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages;

/// <summary>Sign-in with the password check of <c>POST /api-auth/password/</c>: the user grain issues a token for the session.</summary>
public sealed class SignInModel(IGrainFactory grains) : PageModel
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
        var userId = await grains.GetGrain<IUsernameGrain>(username).GetUserIdAsync();
        var token = userId is { } id ? await grains.GetGrain<IUserGrain>(id).LoginAsync(password) : null;
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
