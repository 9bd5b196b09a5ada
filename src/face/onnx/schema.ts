/**
 * The part of onnx.proto (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto) that our model
 * builders write, as a protobufjs reflection built in code, so nothing is downloaded or generated.
 * Field names and numbers are onnx.proto's own; the TypeScript interfaces mirror the subset we fill.
 */
import protobuf from 'protobufjs';

/** TensorProto.DataType values we use. */
export const DataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7 } as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

/** AttributeProto.AttributeType values we use. */
export const AttributeType = { INT: 2, INTS: 7 } as const;

export interface TensorProto {
  name: string;
  dims: number[];
  data_type: DataTypeCode;
  /** Little-endian, fixed-width elements, as onnx.proto requires for raw_data. */
  raw_data: Uint8Array;
}

export interface AttributeProto {
  name: string;
  type: (typeof AttributeType)[keyof typeof AttributeType];
  i?: number;
  ints?: number[];
}

export interface NodeProto {
  name: string;
  op_type: string;
  input: string[];
  output: string[];
  attribute: AttributeProto[];
}

/** A dimension is a fixed size or a symbolic name (a dynamic axis such as the batch). */
export interface DimensionProto {
  dim_value?: number;
  dim_param?: string;
}

export interface ValueInfoProto {
  name: string;
  type: { tensor_type: { elem_type: DataTypeCode; shape: { dim: DimensionProto[] } } };
  doc_string?: string;
}

export interface GraphProto {
  name: string;
  node: NodeProto[];
  initializer: TensorProto[];
  input: ValueInfoProto[];
  output: ValueInfoProto[];
  value_info: ValueInfoProto[];
  doc_string?: string;
}

export interface ModelProto {
  ir_version: number;
  opset_import: { domain: string; version: number }[];
  producer_name: string;
  producer_version: string;
  doc_string?: string;
  graph: GraphProto;
  metadata_props: { key: string; value: string }[];
}

const field = (type: string, id: number, rule?: 'repeated') => (rule ? { type, id, rule } : { type, id });

const descriptor = {
  nested: {
    onnx: {
      nested: {
        AttributeProto: {
          fields: {
            name: field('string', 1),
            f: field('float', 2),
            i: field('int64', 3),
            s: field('bytes', 4),
            t: field('TensorProto', 5),
            g: field('GraphProto', 6),
            floats: field('float', 7, 'repeated'),
            ints: field('int64', 8, 'repeated'),
            strings: field('bytes', 9, 'repeated'),
            doc_string: field('string', 13),
            type: field('int32', 20),
          },
        },
        ValueInfoProto: {
          fields: { name: field('string', 1), type: field('TypeProto', 2), doc_string: field('string', 3) },
        },
        NodeProto: {
          fields: {
            input: field('string', 1, 'repeated'),
            output: field('string', 2, 'repeated'),
            name: field('string', 3),
            op_type: field('string', 4),
            attribute: field('AttributeProto', 5, 'repeated'),
            doc_string: field('string', 6),
            domain: field('string', 7),
          },
        },
        StringStringEntryProto: { fields: { key: field('string', 1), value: field('string', 2) } },
        OperatorSetIdProto: { fields: { domain: field('string', 1), version: field('int64', 2) } },
        ModelProto: {
          fields: {
            ir_version: field('int64', 1),
            producer_name: field('string', 2),
            producer_version: field('string', 3),
            domain: field('string', 4),
            model_version: field('int64', 5),
            doc_string: field('string', 6),
            graph: field('GraphProto', 7),
            opset_import: field('OperatorSetIdProto', 8, 'repeated'),
            metadata_props: field('StringStringEntryProto', 14, 'repeated'),
          },
        },
        GraphProto: {
          fields: {
            node: field('NodeProto', 1, 'repeated'),
            name: field('string', 2),
            initializer: field('TensorProto', 5, 'repeated'),
            doc_string: field('string', 10),
            input: field('ValueInfoProto', 11, 'repeated'),
            output: field('ValueInfoProto', 12, 'repeated'),
            value_info: field('ValueInfoProto', 13, 'repeated'),
          },
        },
        TensorProto: {
          fields: {
            dims: field('int64', 1, 'repeated'),
            data_type: field('int32', 2),
            float_data: field('float', 4, 'repeated'),
            int32_data: field('int32', 5, 'repeated'),
            int64_data: field('int64', 7, 'repeated'),
            name: field('string', 8),
            raw_data: field('bytes', 9),
            doc_string: field('string', 12),
          },
        },
        TensorShapeProto: {
          fields: { dim: field('Dimension', 1, 'repeated') },
          nested: {
            Dimension: {
              oneofs: { value: { oneof: ['dim_value', 'dim_param'] } },
              fields: { dim_value: field('int64', 1), dim_param: field('string', 2), denotation: field('string', 3) },
            },
          },
        },
        TypeProto: {
          fields: { tensor_type: field('Tensor', 1), denotation: field('string', 6) },
          nested: {
            Tensor: { fields: { elem_type: field('int32', 1), shape: field('TensorShapeProto', 2) } },
          },
        },
      },
    },
  },
};

const root = protobuf.Root.fromJSON(descriptor);

/** The protobufjs type of a top-level ONNX file. */
export const ModelProtoType = root.lookupType('onnx.ModelProto');
/** The protobufjs types of a graph's nodes and initializers (for rewriting a published graph in place). */
export const NodeProtoType = root.lookupType('onnx.NodeProto');
export const TensorProtoType = root.lookupType('onnx.TensorProto');

/** Serialises a model. protobufjs writes fields in a fixed order, so equal input gives equal bytes. */
export function encodeModel(model: ModelProto): Uint8Array {
  return ModelProtoType.encode(model).finish();
}
