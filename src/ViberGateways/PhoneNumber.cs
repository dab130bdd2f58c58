using System;

namespace ViberGateways
{
    /// <summary>
    /// A recipient's phone number in international format. Accepts what people write (<c>+380 97 123-45-67</c>,
    /// <c>(380) 971234567</c>) and keeps only the digits; each gateway gets the form it documents
    /// (<see cref="Digits"/> or <see cref="International"/>).
    /// </summary>
    public readonly struct PhoneNumber : IEquatable<PhoneNumber>
    {
        /// <summary>Fewest digits accepted (country code plus a short subscriber number).</summary>
        public const int MinDigits = 7;

        /// <summary>Most digits an international number has (ITU-T E.164).</summary>
        public const int MaxDigits = 15;

        private readonly string? _digits;

        private PhoneNumber(string digits)
        {
            _digits = digits;
        }

        /// <summary>Country code and subscriber number, digits only: <c>380971234567</c>.</summary>
        public string Digits => _digits ?? throw new InvalidOperationException("This PhoneNumber was never parsed.");

        /// <summary>The number with a leading plus: <c>+380971234567</c>.</summary>
        public string International => "+" + Digits;

        /// <summary>Reads a phone number written in international format; spaces, dashes, dots and parentheses are ignored.</summary>
        /// <param name="text">The number, with or without a leading <c>+</c>.</param>
        /// <param name="phoneNumber">The number, when it is valid.</param>
        /// <param name="problem">Why it is not valid, otherwise.</param>
        /// <returns>Whether <paramref name="text"/> is a valid international number.</returns>
        public static bool TryParse(string? text, out PhoneNumber phoneNumber, out string? problem)
        {
            phoneNumber = default;
            if (string.IsNullOrWhiteSpace(text))
            {
                problem = "is empty";
                return false;
            }

            var count = 0;
            var firstDigit = '\0';
            for (var i = 0; i < text!.Length; i++)
            {
                var c = text[i];
                if (c >= '0' && c <= '9')
                {
                    firstDigit = count++ == 0 ? c : firstDigit;
                }
                else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && !(c == '+' && count == 0 && text.IndexOf('+', i + 1) < 0))
                {
                    problem = "may contain only digits, a leading '+', spaces, dashes, dots and parentheses";
                    return false;
                }
            }

            if (count < MinDigits || count > MaxDigits)
            {
                problem = $"must have {MinDigits} to {MaxDigits} digits (country code included), not {count}";
                return false;
            }

            if (firstDigit == '0')
            {
                problem = "must start with the country code, not 0";
                return false;
            }

            phoneNumber = new PhoneNumber(count == text.Length ? text : DigitsOf(text, count));
            problem = null;
            return true;
        }

        private static string DigitsOf(string text, int count)
        {
            var digits = new char[count];
            var next = 0;
            foreach (var c in text)
            {
                if (c >= '0' && c <= '9')
                {
                    digits[next++] = c;
                }
            }

            return new string(digits);
        }

        /// <summary>Reads a phone number written in international format.</summary>
        /// <param name="text">The number, with or without a leading <c>+</c>.</param>
        /// <returns>The number.</returns>
        /// <exception cref="FormatException">The text is not a valid international number.</exception>
        public static PhoneNumber Parse(string text) =>
            TryParse(text, out var number, out var problem) ? number : throw new FormatException("The phone number " + problem + ".");

        /// <inheritdoc />
        public bool Equals(PhoneNumber other) => string.Equals(_digits, other._digits, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is PhoneNumber other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => _digits is null ? 0 : StringComparer.Ordinal.GetHashCode(_digits);

        /// <summary>The number with a leading plus.</summary>
        /// <returns><see cref="International"/>.</returns>
        public override string ToString() => _digits is null ? "" : International;

        /// <summary>Compares two numbers digit by digit.</summary>
        /// <param name="left">One number.</param>
        /// <param name="right">The other number.</param>
        /// <returns>Whether they are the same number.</returns>
        public static bool operator ==(PhoneNumber left, PhoneNumber right) => left.Equals(right);

        /// <summary>Compares two numbers digit by digit.</summary>
        /// <param name="left">One number.</param>
        /// <param name="right">The other number.</param>
        /// <returns>Whether they differ.</returns>
        public static bool operator !=(PhoneNumber left, PhoneNumber right) => !left.Equals(right);
    }
}
