//
//  BWCrashReporter.m
//  DriverApp
//
//  Created by Tomasz Nowak on 14/03/2021.
//  Copyright (c) 2021 Brightwharf Ltd. All rights reserved.
//

#import "BWCrashReporter.h"
@import Sentry;

// Old-style DSN with secret part; new SDK ignores the secret but the store endpoint still accepts it.
static NSString *const kBWSentryDSN = @"https://cee2413f510d7ce0a3c2b6bcd6a1f456:071d53dd307b613a289b316cc23ce154@o966763.ingest.sentry.io/2857542";
static NSString *const kBWEnvironment = @"production";

@implementation BWCrashReporter

+ (void)start {
    [SentrySDK startWithConfigureOptions:^(SentryOptions *options) {
        options.dsn = kBWSentryDSN;
        options.environment = kBWEnvironment;
        options.tracesSampleRate = @0.05;
        options.attachScreenshot = NO;
        options.enableAutoSessionTracking = YES;
    }];
}

+ (void)recordBreadcrumb:(NSString *)message category:(NSString *)category {
    SentryBreadcrumb *crumb = [[SentryBreadcrumb alloc] initWithLevel:kSentryLevelInfo category:category];
    crumb.message = message;
    [SentrySDK addBreadcrumb:crumb];
}

@end
