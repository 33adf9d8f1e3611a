using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Options;

/// <summary>
/// The one way settings are bound: each section is read once at start, validated (data annotations, and
/// <see cref="IValidatableObject"/> for rules across fields and nested settings) and registered as the single
/// <see cref="IOptions{T}"/> instance everything injects. A bad value stops the start with a message naming it.
/// </summary>
public static class ValidatedOptions
{
    public static T AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section) where T : class, new()
    {
        var value = Read<T>(configuration, section);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(value));
        return value;
    }

    public static T Read<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        var errors = new List<ValidationResult>();
        // Checks the attributes, then (when they pass) IValidatableObject.Validate.
        if (!Validator.TryValidateObject(value, new ValidationContext(value), errors, validateAllProperties: true))
            throw new InvalidOperationException($"Invalid configuration in {section}: " + string.Join(" ", errors.Select(e => e.ErrorMessage)));
        return value;
    }
}
