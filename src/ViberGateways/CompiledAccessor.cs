using System;
using System.Linq.Expressions;
using System.Reflection;

namespace ViberGateways
{
    /// <summary>
    /// Reads and writes members of generated models typed as <see cref="object"/> through delegates compiled once per
    /// member: the SDK reads model members on every send (spec limits, extension data) and sets reply fields from
    /// plain-text replies, and reflection costs several times more per access.
    /// </summary>
    internal static class CompiledAccessor
    {
        /// <summary>A delegate returning the member's value (boxed) from a model of its declaring type.</summary>
        public static Func<object, object?> Getter(MemberInfo member)
        {
            var model = Expression.Parameter(typeof(object), "model");
            var read = Expression.MakeMemberAccess(Expression.Convert(model, member.DeclaringType!), member);
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), model).Compile();
        }

        /// <summary>A delegate setting <paramref name="property"/>; the value must be of its type (or null for a nullable one).</summary>
        public static Action<object, object?> Setter(PropertyInfo property)
        {
            var model = Expression.Parameter(typeof(object), "model");
            var value = Expression.Parameter(typeof(object), "value");
            var write = Expression.Assign(
                Expression.Property(Expression.Convert(model, property.DeclaringType!), property),
                Expression.Convert(value, property.PropertyType));
            return Expression.Lambda<Action<object, object?>>(write, model, value).Compile();
        }
    }
}
