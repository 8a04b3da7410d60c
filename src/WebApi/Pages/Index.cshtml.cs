using ComplianceGrains.Errors;
using ComplianceGrains.Identity;
using ComplianceGrains.Marketplace;
using ComplianceGrains.WebApi.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages;

/// <summary>Sends staff to the checklists, those who may monitor a provider to its dashboard, everyone else to their compliance.</summary>
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var caller = HttpContext.Caller();
        if (caller.IsStaff) return Redirect("/admin/checklists/");
        var user = await grains.GetGrain<IUserGrain>(caller.UserId).GetAsync(caller);
        foreach (var customerId in user.CustomerRoles.Keys.Order())
        {
            var customer = await grains.GetGrain<ICustomerGrain>(customerId).GetAsync(caller);
            if (customer.ServiceProviderId is not { } providerId) continue;
            try
            {
                await grains.GetGrain<IServiceProviderGrain>(providerId).EnsureCanMonitorAsync(caller);
                return Redirect($"/providers/{providerId:N}/");
            }
            catch (PermissionDeniedException)
            {
            }
        }
        return Redirect("/compliance/");
    }
}
