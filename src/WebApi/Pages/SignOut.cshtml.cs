using ComplianceGrains.Identity;
using ComplianceGrains.WebApi.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages;

/// <summary>Sign-out is a POST (antiforgery-checked); it revokes the session's token as well as dropping the cookie.</summary>
public sealed class SignOutModel(IGrainFactory grains) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (PageCookies.TokenHash(User) is { } hash) await grains.GetGrain<ITokenGrain>(hash).RevokeAsync();
        await HttpContext.SignOutAsync(PageCookies.Scheme);
        return Redirect("/signin");
    }
}
