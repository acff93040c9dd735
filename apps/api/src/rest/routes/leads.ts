import { body, intParam, params, query, type RestRoute } from "../rest-route";

export const leadRestRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "/api/leads",
    procedure: "leads.list",
    summary: "List leads (search, cursor pagination)",
    input: (r) => ({ search: query(r).search, cursor: query(r).cursor, limit: intParam(query(r).limit) }),
  },
  {
    method: "GET",
    path: "/api/leads/:id",
    procedure: "leads.get",
    summary: "Get a lead",
    input: (r) => ({ id: params(r).id }),
  },
  {
    method: "POST",
    path: "/api/leads",
    procedure: "leads.create",
    summary: "Create a lead",
    successStatus: 201,
    input: (r) => body(r),
  },
  {
    method: "PATCH",
    path: "/api/leads/:id",
    procedure: "leads.update",
    summary: "Update a lead",
    input: (r) => ({ id: params(r).id, data: body(r) }),
  },
  {
    method: "DELETE",
    path: "/api/leads/:id",
    procedure: "leads.delete",
    summary: "Delete a lead",
    input: (r) => ({ id: params(r).id }),
  },
];
