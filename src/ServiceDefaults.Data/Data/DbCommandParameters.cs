using System.Data.Common;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>For the few reads done with a plain data reader: values always go in as parameters, never into the SQL text.</summary>
public static class DbCommandParameters
{
    public static DbCommand WithParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return command;
    }
}
