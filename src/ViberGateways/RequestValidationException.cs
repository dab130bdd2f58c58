using System;
using System.Collections.Generic;
using System.Linq;

namespace ViberGateways
{
    /// <summary>
    /// A request the SDK refused before any network I/O: nothing was sent. Lists every violation found, each with
    /// the field it concerns and the rule it breaks.
    /// </summary>
    public sealed class RequestValidationException : ArgumentException
    {
        /// <summary>Creates the exception for one or more violations.</summary>
        /// <param name="violations">What is wrong with the request (at least one).</param>
        public RequestValidationException(IReadOnlyList<ValidationViolation> violations)
            : base(Describe(violations ?? throw new ArgumentNullException(nameof(violations))))
        {
            if (violations.Count == 0)
            {
                throw new ArgumentException("At least one violation is required.", nameof(violations));
            }

            Violations = violations;
        }

        /// <summary>Every violation found, in the order the fields were checked.</summary>
        public IReadOnlyList<ValidationViolation> Violations { get; }

        /// <summary>The exception for one violation.</summary>
        internal static RequestValidationException Of(string field, string rule, string message) =>
            new RequestValidationException(new[] { new ValidationViolation(field, rule, message) });

        private static string Describe(IReadOnlyList<ValidationViolation> violations) =>
            "The request is invalid and was not sent:" + string.Concat(violations.Select(v => Environment.NewLine + " - " + v));
    }

    /// <summary>One broken rule of a request.</summary>
    public sealed class ValidationViolation
    {
        /// <summary>Creates a violation.</summary>
        /// <param name="field">Path of the field, as the caller wrote it (for example <c>messages[2].Button.Caption</c>).</param>
        /// <param name="rule">Short name of the rule (for example <c>maxLength</c>, <c>required</c>, <c>transport</c>).</param>
        /// <param name="message">What is wrong, in words; never includes a credential.</param>
        public ValidationViolation(string field, string rule, string message)
        {
            Field = field ?? throw new ArgumentNullException(nameof(field));
            Rule = rule ?? throw new ArgumentNullException(nameof(rule));
            Message = message ?? throw new ArgumentNullException(nameof(message));
        }

        /// <summary>Path of the field.</summary>
        public string Field { get; }

        /// <summary>Short name of the rule.</summary>
        public string Rule { get; }

        /// <summary>What is wrong, in words.</summary>
        public string Message { get; }

        /// <summary>The violation as one line: <c>field: message (rule)</c>.</summary>
        /// <returns>The line.</returns>
        public override string ToString() => $"{Field}: {Message} ({Rule})";
    }

    /// <summary>Collects violations while a request is checked, then throws them all at once.</summary>
    internal sealed class ValidationErrors
    {
        private readonly List<ValidationViolation> _violations = new();

        /// <summary>Whether <paramref name="field"/> already has a violation.</summary>
        public bool Has(string field) => _violations.Exists(v => v.Field == field);

        /// <summary>Whether <paramref name="field"/> or one of its items (<c>Recipients[2]</c>) already has a violation.</summary>
        public bool HasOnOrUnder(string field) =>
            _violations.Exists(v => v.Field == field || (v.Field.StartsWith(field, StringComparison.Ordinal) && v.Field.Length > field.Length && v.Field[field.Length] == '['));

        /// <summary>The violations so far.</summary>
        public IReadOnlyList<ValidationViolation> Violations => _violations;

        public void Add(string field, string rule, string message) => _violations.Add(new ValidationViolation(field, rule, message));

        public void AddRange(IEnumerable<ValidationViolation> violations) => _violations.AddRange(violations);

        public void ThrowIfAny()
        {
            if (_violations.Count > 0)
            {
                throw new RequestValidationException(_violations.ToArray());
            }
        }
    }
}
