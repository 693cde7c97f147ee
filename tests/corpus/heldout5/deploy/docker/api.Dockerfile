# syntax=docker/dockerfile:1.6
FROM node:20-bookworm-slim@sha256:2e1db1b49f64a7412d70d965e618de3d8fec1063d3fec0877863ef4162fb4c21 AS build
WORKDIR /app

ENV NPM_TOKEN=npm_Odw1l9TOzelDFErpNOpjt1sOhl4Mo3axLjHw
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc
COPY package.json package-lock.json ./
RUN npm ci && rm -f .npmrc
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ARG DB_PASSWORD=GCY.A.!^Dj2!-_cqxE
ENV DATABASE_URL=postgres://api:${DB_PASSWORD}@db:5432/api
COPY --from=build /app/dist ./dist
COPY --from=build /app/node_modules ./node_modules
USER node
CMD ["node", "dist/server.js"]
