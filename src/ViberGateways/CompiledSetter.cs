using System;
using System.Linq.Expressions;
using System.Reflection;

namespace ViberGateways
{
    /// <summary>
    /// A compiled setter of a property on a model typed as <see cref="object"/>: built once per property, it writes a
    /// value without the argument array and type checks each <see cref="PropertyInfo.SetValue(object, object)"/> costs.
    /// </summary>
    internal static class CompiledSetter
    {
        /// <summary>Compiles a setter of <paramref name="property"/>; the value must be of its type (or null for a nullable one).</summary>
        public static Action<object, object?> Of(PropertyInfo property)
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
